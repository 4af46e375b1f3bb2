"""Issue 12 item 7, the residual race: a case folder's entry checked (a regular file, inside the folder) and then
opened by path. Whoever can write the folder can swap the entry - or a subfolder on its path - for a link between
the two; the open must not follow it, and what is opened must be the file that was checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workstation.documents import intake
from workstation.documents.intake import checked_files, load_case, load_file
from workstation.domain.errors import InputError

SECRET = "root:$6$hash:19000:0:99999:7:::\n"


def _case(tmp_path: Path) -> tuple[Path, Path]:
    case = tmp_path / "case"
    (case / "sub").mkdir(parents=True)
    (case / "report.txt").write_text("The report\n", encoding="utf-8")
    (case / "sub" / "notes.txt").write_text("Notes\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "notes.txt").write_text(SECRET, encoding="utf-8")  # e.g. /etc/shadow under the entry's name
    return case, outside


def test_an_entry_swapped_for_a_link_after_the_check_is_not_followed(tmp_path):
    case, outside = _case(tmp_path)
    entry = case / "report.txt"
    [(checked, identity, direct)] = [c for c in checked_files([case]) if c[0] == entry]
    assert not direct
    entry.unlink()  # the race: after the folder was checked, before the file is opened
    entry.symlink_to(outside / "notes.txt")
    with pytest.raises(InputError, match="symbolic link") as exc:
        load_file(checked)  # O_NOFOLLOW, even without the identity
    assert SECRET.strip() not in str(exc.value)
    with pytest.raises(InputError, match="symbolic link"):
        load_file(checked, identity=identity)


def test_a_subfolder_swapped_for_a_link_after_the_check_is_refused(tmp_path):
    case, outside = _case(tmp_path)
    entry = case / "sub" / "notes.txt"
    [(checked, identity, _)] = [c for c in checked_files([case]) if c[0] == entry]
    os.rename(case / "sub", case / "sub.old")  # the last component is a plain file again, but elsewhere
    (case / "sub").symlink_to(outside, target_is_directory=True)
    with pytest.raises(InputError, match="no longer the file that was checked"):
        load_file(checked, identity=identity)


def test_load_case_checks_each_file_it_opens(tmp_path, monkeypatch):
    case, outside = _case(tmp_path)
    real = intake.checked_files

    def racing(paths):  # noqa: ANN001, ANN202 - the swap happens right after the check
        found = real(paths)
        (case / "sub").rename(case / "sub.old")
        (case / "sub").symlink_to(outside, target_is_directory=True)
        return found

    monkeypatch.setattr(intake, "checked_files", racing)
    with pytest.raises(InputError, match="no longer the file that was checked"):
        load_case([case])


def test_a_pipe_or_folder_is_refused_on_the_open_descriptor_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        load_file(fifo)  # O_NONBLOCK: the open does not wait for a writer
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="not a regular file|cannot read"):
        load_file(folder)


def test_a_link_named_directly_is_still_read_and_files_load_as_before(tmp_path):
    case, _ = _case(tmp_path)
    direct = tmp_path / "direct.txt"
    direct.symlink_to(case / "report.txt")
    [doc] = load_case([direct])
    assert doc.pages[0].text.startswith("The report")
    assert sorted(d.path for d in load_case([case])) == sorted(str(p) for p in (case / "report.txt",
                                                                                 case / "sub" / "notes.txt"))
