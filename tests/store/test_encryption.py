"""Encrypted archives and backups: AES-256-GCM in chunks, the key from scrypt; a wrong passphrase or a
changed file is refused with one line and nothing written."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.helpers import REPO, make_image, new_case_id, python_env
from zairyu.cli.main import main as cli_main
from zairyu.errors import UserInputError
from zairyu.store import crypto, open_store
from zairyu.store.backups import list_backups

PASSPHRASE = "correct horse battery"
PASSPORT = "TK1234567"


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process tests use a cheap scrypt setting and small chunks (the header carries both, so the
    reading side is the real one); the CLI tests below use the shipped settings."""
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 10)
    monkeypatch.setattr(crypto, "CHUNK_SIZE", 64)


def _encrypt(data: bytes, passphrase: str = PASSPHRASE) -> bytes:
    sink = io.BytesIO()
    crypto.encrypt_stream(io.BytesIO(data), sink, passphrase)
    return sink.getvalue()


def _decrypt(blob: bytes, passphrase: str = PASSPHRASE) -> bytes:
    sink = io.BytesIO()
    crypto.decrypt_stream(io.BytesIO(blob), sink, passphrase, "test.enc")
    return sink.getvalue()


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 128, 3 * 64 + 5])
def test_round_trip_at_every_chunk_boundary(fast_kdf: None, size: int) -> None:
    data = os.urandom(size)
    blob = _encrypt(data)
    assert blob.startswith(crypto.MAGIC)
    assert _decrypt(blob) == data


def test_a_wrong_passphrase_is_told_apart_from_a_changed_file(fast_kdf: None) -> None:
    blob = _encrypt(b"x" * 200)
    with pytest.raises(UserInputError) as wrong:
        _decrypt(blob, "not the passphrase")
    assert wrong.value.kind == "passphrase_wrong" and "test.enc" in str(wrong.value)
    changed = bytearray(blob)
    changed[-1] ^= 1
    with pytest.raises(UserInputError) as damaged:
        _decrypt(bytes(changed))
    assert damaged.value.kind == "encrypted_file_damaged"


@given(data=st.binary(min_size=1, max_size=300), position=st.integers(min_value=0), flip=st.integers(1, 255))
def test_any_changed_byte_is_refused(data: bytes, position: int, flip: int) -> None:
    crypto_settings = (crypto.SCRYPT_LOG2_N, crypto.CHUNK_SIZE)
    crypto.SCRYPT_LOG2_N, crypto.CHUNK_SIZE = 10, 64
    try:
        blob = bytearray(_encrypt(data))
        blob[position % len(blob)] ^= flip
        with pytest.raises(UserInputError):
            _decrypt(bytes(blob))
    finally:
        crypto.SCRYPT_LOG2_N, crypto.CHUNK_SIZE = crypto_settings


def test_cut_off_reordered_or_extended_files_are_refused(fast_kdf: None) -> None:
    blob = _encrypt(os.urandom(64 * 3 + 10))
    header, sealed = crypto.HEADER_SIZE, 64 + 16
    chunks = [blob[i:i + sealed] for i in range(header, len(blob), sealed)]
    assert len(chunks) == 4
    variants = {
        "last chunk dropped": blob[:header] + b"".join(chunks[:3]),
        "cut mid-chunk": blob[:-5],
        "two chunks swapped": blob[:header] + chunks[1] + chunks[0] + chunks[2] + chunks[3],
        "a chunk repeated": blob[:header] + chunks[0] + chunks[0] + chunks[1] + chunks[2] + chunks[3],
        "bytes appended": blob + b"\x00" * 16,
        "only the header": blob[:header],
    }
    for name, variant in variants.items():
        with pytest.raises(UserInputError) as raised:
            _decrypt(variant)
        assert raised.value.kind == "encrypted_file_damaged", name


def test_a_header_asking_for_huge_scrypt_memory_is_refused_before_deriving(fast_kdf: None) -> None:
    blob = bytearray(_encrypt(b"data"))
    blob[len(crypto.MAGIC) + 1] = 40  # log2(N): 2^40 blocks would be 128 TiB
    began = time.perf_counter()
    with pytest.raises(UserInputError, match="out of range"):
        _decrypt(bytes(blob))
    assert time.perf_counter() - began < 5


def test_encryption_streams_in_bounded_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 10)
    total = 48 * 1024 * 1024

    class Zeros(io.RawIOBase):
        def __init__(self) -> None:
            self.left = total

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            count = min(len(buffer), self.left)
            buffer[:count] = bytes(count)
            self.left -= count
            return count

    class Counter(io.RawIOBase):
        size = 0

        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            self.size += len(data)
            return len(data)

    sink = Counter()
    tracemalloc.start()
    try:
        crypto.encrypt_stream(io.BufferedReader(Zeros()), sink, PASSPHRASE)  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sink.size > total
    assert peak < 8 * crypto.CHUNK_SIZE  # a few chunks, not the 48 MiB


def _zairyu(data_dir: Path, *args: str, passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess with no terminal, the passphrase (if any) in ZAIRYU_PASSPHRASE."""
    env = python_env(data_dir)
    env.pop("ZAIRYU_PASSPHRASE", None)
    if passphrase is not None:
        env["ZAIRYU_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "zairyu", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=120, check=False, stdin=subprocess.DEVNULL)


def _case_with_passport(data_dir: Path, tmp_path: Path) -> int:
    created = _zairyu(data_dir, "case", "new", "--route", "engineer-specialist", "--procedure", "change",
                         "--title", "Secret case")
    assert created.returncode == 0, created.stderr
    case_id = new_case_id(created.stdout)
    with open_store(data_dir) as store:
        store.update_applicant(store.case_applicant_id(case_id), name="Ana Souza", passport_number=PASSPORT)
        store.attach(case_id, "photo", make_image(tmp_path / "photo.png", "PNG"))
    return case_id


def test_encrypted_case_archive_through_the_cli(isolated_data_dir: Path, tmp_path: Path) -> None:
    case_id = _case_with_passport(isolated_data_dir, tmp_path)
    archive = tmp_path / "case.zip"
    exported = _zairyu(isolated_data_dir, "case", "export", str(case_id), "-o", str(archive), "--encrypt",
                       passphrase=PASSPHRASE)
    assert exported.returncode == 0, exported.stderr
    blob = archive.read_bytes()
    assert blob.startswith(crypto.MAGIC)
    for clear in (PASSPORT.encode(), b"Ana Souza", b"case.json", b"PK\x03\x04"):
        assert clear not in blob
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no clear partial left

    tampered = tmp_path / "tampered.zip"
    tampered.write_bytes(blob[:200] + bytes([blob[200] ^ 1]) + blob[201:])
    for path, passphrase, words in ((archive, "wrong passphrase!", "wrong passphrase"),
                                    (tampered, PASSPHRASE, "changed or is incomplete")):
        refused = _zairyu(isolated_data_dir, "case", "import", str(path), passphrase=passphrase)
        assert refused.returncode == 2
        assert len(refused.stderr.strip().splitlines()) == 1 and words in refused.stderr, refused.stderr
    no_passphrase = _zairyu(isolated_data_dir, "case", "import", str(archive))
    assert no_passphrase.returncode == 2 and "ZAIRYU_PASSPHRASE" in no_passphrase.stderr
    listed = json.loads(_zairyu(isolated_data_dir, "case", "list", "--format", "json").stdout)
    assert len(listed["cases"]) == 1  # nothing was imported by the refusals

    imported = _zairyu(isolated_data_dir, "case", "import", str(archive), passphrase=PASSPHRASE)
    assert imported.returncode == 0, imported.stderr
    new_id = int(imported.stdout.split()[-1])
    shown = json.loads(_zairyu(isolated_data_dir, "case", "show", str(new_id), "--format", "json").stdout)
    assert shown["applicant"]["passport_number"] == PASSPORT
    assert len(next(d for d in shown["documents"] if d["code"] == "photo")["attachments"]) == 1


def test_encrypted_backup_and_restore(isolated_data_dir: Path, tmp_path: Path, fast_kdf: None,
                                      monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(isolated_data_dir) as store:
        store.create_case(route="j-find", procedure="coe", title="In the backup")
    monkeypatch.setenv("ZAIRYU_PASSPHRASE", PASSPHRASE)
    assert cli_main(["backup", "--encrypt"]) == 0
    written = Path(capsys.readouterr().out.split("Backed up to ")[1].split()[0])
    assert written.parent == isolated_data_dir / "backups" and written.name.endswith(".sqlite3.enc")
    assert written.read_bytes().startswith(crypto.MAGIC) and b"In the backup" not in written.read_bytes()
    assert oct(written.stat().st_mode & 0o777) == "0o600"
    assert [b.kind for b in list_backups(isolated_data_dir)] == []  # no clear copy left beside it
    assert not list((isolated_data_dir / "backups").glob(".partial-*"))

    with open_store(isolated_data_dir) as store:
        store.create_case(route="j-find", procedure="coe", title="After the backup")
    monkeypatch.setenv("ZAIRYU_PASSPHRASE", "something else")
    assert cli_main(["restore", str(written)]) == 2
    assert "wrong passphrase" in capsys.readouterr().err
    monkeypatch.setenv("ZAIRYU_PASSPHRASE", PASSPHRASE)
    assert cli_main(["restore", str(written)]) == 0, capsys.readouterr().err
    conn = sqlite3.connect(isolated_data_dir / "zairyu.sqlite3")
    try:
        assert [r[0] for r in conn.execute("SELECT title FROM cases")] == ["In the backup"]
    finally:
        conn.close()


def test_a_short_new_passphrase_is_refused(isolated_data_dir: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ZAIRYU_PASSPHRASE", "short")
    assert cli_main(["backup", "--encrypt", "-o", str(tmp_path / "b.enc")]) == 2
    assert "at least 8 characters" in capsys.readouterr().err
    assert not (tmp_path / "b.enc").exists()


def _run_in_terminal(args: list[str], data_dir: Path, answers: list[str]) -> tuple[int, str]:
    """Run the CLI with a pseudo-terminal as its controlling terminal, typing ``answers`` at each
    passphrase prompt as a person would."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the CLI (and never returns into pytest)
        try:
            env = python_env(data_dir)
            env.pop("ZAIRYU_PASSPHRASE", None)
            os.chdir(REPO)
            os.execvpe(sys.executable, [sys.executable, "-m", "zairyu", *args], env)
        finally:
            os._exit(127)
    output = b""
    pending = list(answers)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
        # Answer only a prompt still waiting (ending in ": "): getpass discards what is typed before
        # it has turned echo off and printed its prompt (tcsetattr TCSAFLUSH).
        if pending and output.endswith(b": "):
            os.write(fd, pending.pop(0).encode() + b"\n")
    if time.monotonic() >= deadline:  # still waiting for input: fail, not hang
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_the_passphrase_is_asked_twice_at_a_terminal(isolated_data_dir: Path, tmp_path: Path) -> None:
    case_id = _case_with_passport(isolated_data_dir, tmp_path)
    archive = tmp_path / "typed.zip"
    args = ["case", "export", str(case_id), "-o", str(archive), "--encrypt"]
    status, output = _run_in_terminal(args, isolated_data_dir, [PASSPHRASE, PASSPHRASE + "x"])
    assert status == 2 and "differ" in output and not archive.exists()
    status, output = _run_in_terminal(args, isolated_data_dir, [PASSPHRASE, PASSPHRASE])
    assert status == 0, output
    assert PASSPHRASE not in output  # never echoed
    assert archive.read_bytes().startswith(crypto.MAGIC)
