"""Encrypted files (case archives, backups) with a passphrase: AES-256-GCM, the key from scrypt.

The file is a header followed by the plaintext in chunks, each sealed on its own, so a file of any
size is encrypted and decrypted in bounded memory (one chunk at a time):

- header (63 bytes): ``ZAIRYU-ENCRYPTED``, format version 1, scrypt's log2(N), r and p, the chunk
  size, a random 16-byte salt, a random 7-byte nonce prefix, and a 16-byte key check (the GCM tag
  of an empty message), which tells a wrong passphrase from a changed file;
- chunks: AES-256-GCM of ``chunk size`` bytes of plaintext (the last one shorter, possibly empty),
  each 16 bytes longer than its plaintext. Chunk ``i``'s nonce is the prefix, ``i`` (4 bytes) and a
  byte that is 1 on the last chunk only; every chunk authenticates the whole header. A chunk
  moved, dropped, added or cut off, or a changed header, fails authentication (the "STREAM"
  construction of Hoang, Reyhanitabar, Rogaway and Vizár, "Online Authenticated-Encryption and its
  Nonce-Reuse Misuse-Resistance", CRYPTO 2015).

scrypt (RFC 7914) with N = 2^17, r = 8, p = 1 takes 128 MiB and about half a second: guessing
passphrases costs an attacker as much per guess. The parameters travel in the header; a file asking
for more than this app ever writes is refused rather than allowed to exhaust memory.
"""

from __future__ import annotations

import os
import struct
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from zairyu.errors import UserInputError
from zairyu.private_paths import private_opener

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"ZAIRYU-ENCRYPTED"
FORMAT_VERSION = 1
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
CHUNK_SIZE = 1024 * 1024
MIN_PASSPHRASE_LENGTH = 8
_TAG_SIZE = 16
_PREFIX = struct.Struct(f">{len(MAGIC)}sBBBBI16s7s")
HEADER_SIZE = _PREFIX.size + _TAG_SIZE
# What a header may ask for: what this app writes, with room for a stronger setting later.
_MAX_LOG2_N, _MAX_R, _MAX_P, _MAX_CHUNK = 20, 8, 4, 16 * 1024 * 1024
_LAST_COUNTER = 0xFFFFFFFF  # reserved for the key check


def is_encrypted(path: Path) -> bool:
    """True when ``path`` starts like a file this module wrote (False when unreadable)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_new_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserInputError(f"passphrase: use at least {MIN_PASSPHRASE_LENGTH} characters",
                             kind="passphrase_too_short", field="passphrase")
    return passphrase


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> AESGCM:
    # Imported here: every command imports this module (is_encrypted), few encrypt.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=32, n=2 ** log2_n, r=r, p=p)
    # NFC: the same passphrase typed on macOS (which decomposes accents) and elsewhere gives one key.
    text = unicodedata.normalize("NFC", passphrase)
    return AESGCM(kdf.derive(text.encode("utf-8", "surrogateescape")))


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _key_check_nonce(prefix: bytes) -> bytes:
    return prefix + _LAST_COUNTER.to_bytes(4, "big") + b"\x02"


class EncryptingWriter:
    """A write-only binary file that encrypts what is written into ``sink``; ``close()`` seals the
    last chunk (it does not close ``sink``). Not seekable: ``zipfile`` then streams its entries."""

    def __init__(self, sink: BinaryIO, passphrase: str) -> None:
        salt, self._prefix = os.urandom(16), os.urandom(7)
        self._aead = _key(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
        prefix = _PREFIX.pack(MAGIC, FORMAT_VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, CHUNK_SIZE, salt,
                              self._prefix)
        self._header = prefix + self._aead.encrypt(_key_check_nonce(self._prefix), b"", prefix)
        self._sink = sink
        self._sink.write(self._header)
        self._buffer = bytearray()
        self._counter = 0
        self._written = 0
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self.closed:
            raise ValueError("write to a closed EncryptingWriter")
        self._buffer += data
        self._written += len(data)
        # Keep at least one byte back: only close() knows which chunk is the last.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        if self._counter >= _LAST_COUNTER:
            raise UserInputError("the file is too large to encrypt", kind="encrypted_file_too_large")
        self._sink.write(self._aead.encrypt(_nonce(self._prefix, self._counter, last), chunk, self._header))
        self._counter += 1

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        self._sink.flush()

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self.closed = True
            self._sink.flush()

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


def encrypt_stream(source: BinaryIO, sink: BinaryIO, passphrase: str) -> None:
    writer = EncryptingWriter(sink, passphrase)
    while chunk := source.read(CHUNK_SIZE):
        writer.write(chunk)
    writer.close()


def decrypt_stream(source: BinaryIO, sink: BinaryIO, passphrase: str, label: str | Path) -> None:
    """Decrypt ``source`` into ``sink``. UserInputError naming ``label`` for a wrong passphrase, a
    changed or cut-off file, or a header this app does not read; ``sink`` may then hold part of
    the plaintext, so the caller writes to a temporary file it deletes on error. The plaintext is
    never larger than the encrypted file."""
    header = source.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
        raise UserInputError(f"{label}: not a file encrypted by Zairyu", kind="not_encrypted", file=label)
    _, version, log2_n, r, p, chunk_size, salt, prefix = _PREFIX.unpack(header[:_PREFIX.size])
    if version != FORMAT_VERSION:
        raise UserInputError(f"{label}: encrypted by a newer Zairyu (format {version}); update Zairyu to open it",
                             kind="encrypted_file_unsupported", file=label, value=version)
    if not (1 <= log2_n <= _MAX_LOG2_N and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P
            and 1 <= chunk_size <= _MAX_CHUNK):
        raise UserInputError(f"{label}: the encrypted file's header is damaged (its settings are out of range)",
                             kind="encrypted_file_damaged", file=label)
    from cryptography.exceptions import InvalidTag

    aead = _key(passphrase, salt, log2_n, r, p)
    try:
        aead.decrypt(_key_check_nonce(prefix), header[_PREFIX.size:], header[:_PREFIX.size])
    except InvalidTag:
        raise UserInputError(f"{label}: wrong passphrase (or the file's header was changed); nothing was "
                             "written", kind="passphrase_wrong", file=label) from None
    sealed = chunk_size + _TAG_SIZE
    counter = 0
    block = source.read(sealed)
    while True:
        following = source.read(sealed) if len(block) == sealed else b""
        last = not following
        try:
            plain = aead.decrypt(_nonce(prefix, counter, last), block, header)
        except InvalidTag:
            raise UserInputError(f"{label}: the encrypted file was changed or is incomplete; nothing was written",
                                 kind="encrypted_file_damaged", file=label) from None
        sink.write(plain)
        if last:
            return
        counter += 1
        block = following


def encrypt_file(source: Path, target: BinaryIO, passphrase: str) -> None:
    with open(source, "rb") as handle:
        encrypt_stream(handle, target, passphrase)


def decrypt_file(source: Path, target: Path, passphrase: str) -> None:
    """Decrypt ``source`` into the new file ``target`` (0600); ``target`` is removed on any error."""
    try:
        with open(source, "rb") as src, open(target, "xb", opener=private_opener) as dst:
            decrypt_stream(src, dst, passphrase, source)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise UserInputError(f"{source}: cannot be read ({exc.strerror or exc})", file=source) from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
