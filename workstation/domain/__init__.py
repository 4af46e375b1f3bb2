"""The domain: documents, pages, findings, decisions and policy.

Plain typed dataclasses; imports no GUI, PDF or NLP library (enforced by import-linter).
"""
