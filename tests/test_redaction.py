"""Identity numbers are masked: My Numbers in every export, in the log and in crash reports; passport
and residence-card numbers on the checklist and the packet's cover when the user asks (--redact)."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.helpers import make_image
from zairyu.app import configure_logging
from zairyu.cli.main import main as cli_main
from zairyu.crash_log import CrashLog
from zairyu.redaction import Redactor, is_my_number, mask_my_numbers, my_number_check_digit
from zairyu.store import open_store

MY_NUMBER = "123456789018"  # 11 digits 12345678901, check digit 8 by the ordinance's formula
PASSPORT = "TK7654321"
RESIDENCE_CARD = "AB12345678CD"


def _weights_from_the_right() -> list[int]:
    # The same rule said another way: from the rightmost of the 11 digits, weights 2..7 then 2..6.
    return [2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6]


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_exactly_one_check_digit_fits_and_it_is_the_ordinances(first_eleven: str) -> None:
    total = sum(int(d) * w for d, w in zip(reversed(first_eleven), _weights_from_the_right(), strict=True))
    expected = 0 if total % 11 <= 1 else 11 - total % 11
    assert my_number_check_digit(first_eleven) == expected
    assert [d for d in range(10) if is_my_number(first_eleven + str(d))] == [expected]


@pytest.mark.parametrize("written", [MY_NUMBER, "1234 5678 9018", "1234-5678-9018", "１２３４５６７８９０１８"])
def test_a_my_number_is_masked_however_it_is_typed(written: str) -> None:
    masked = mask_my_numbers(f"My Number: {written}.")
    assert written not in masked and masked.startswith("My Number: ") and masked.count("*") == 12


@pytest.mark.parametrize("kept", ["123456789012", "0123456789018", "tel 03-1234-5678", "2026-11-01"])
def test_other_numbers_are_left_alone(kept: str) -> None:
    assert mask_my_numbers(kept) == kept


def test_redactor_masks_known_values_and_residence_cards_keeping_the_last_two() -> None:
    redact = Redactor([PASSPORT, "", "abc"], identity_numbers=True)
    assert redact(f"passport {PASSPORT.lower()} / card {RESIDENCE_CARD}") == "passport *******21 / card **********CD"
    assert Redactor([PASSPORT], identity_numbers=False)(f"{PASSPORT} {MY_NUMBER}") == f"{PASSPORT} {'*' * 12}"


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def case_with_numbers(isolated_data_dir: Path, tmp_path: Path) -> str:
    with open_store(isolated_data_dir) as store:
        case_id = store.create_case(route="engineer-specialist", procedure="change", employer_category=3,
                                    title=f"Change, passport {PASSPORT}",
                                    applicant={"name": "Ana Souza", "passport_number": PASSPORT,
                                               "residence_card_number": RESIDENCE_CARD})
        store.set_document(case_id, "photo", notes=f"My Number {MY_NUMBER}; card {RESIDENCE_CARD}")
        store.attach(case_id, "photo", make_image(tmp_path / f"photo {PASSPORT}.png", "PNG"))
    return str(case_id)


def test_checklist_masks_my_numbers_always_and_the_rest_on_request(case_with_numbers: str, tmp_path: Path) -> None:
    plain, redacted = tmp_path / "plain.pdf", tmp_path / "redacted.pdf"
    assert cli_main(["export", "checklist", case_with_numbers, "-o", str(plain)]) == 0
    assert cli_main(["export", "checklist", case_with_numbers, "-o", str(redacted), "--redact"]) == 0
    plain_text, redacted_text = _pdf_text(plain), _pdf_text(redacted)
    assert MY_NUMBER not in plain_text and "************" in plain_text
    assert PASSPORT in plain_text and RESIDENCE_CARD in plain_text  # the user's own notes, as typed
    for value in (MY_NUMBER, PASSPORT, RESIDENCE_CARD):
        assert value not in redacted_text
    assert "*******21" in redacted_text and "**********CD" in redacted_text


def test_packet_cover_is_masked_on_request(case_with_numbers: str, tmp_path: Path) -> None:
    packet = tmp_path / "packet.pdf"
    assert cli_main(["export", "packet", case_with_numbers, "-o", str(packet), "--redact"]) == 0
    cover = subprocess.run(["pdftotext", "-l", "1", str(packet), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Ana Souza" in cover and PASSPORT not in cover and "*******21" in cover
    import pikepdf

    titles: list[str] = []
    with pikepdf.open(packet) as pdf, pdf.open_outline() as outline:
        for top in outline.root:
            titles += [top.title, *(child.title for child in top.children)]
    assert titles and not [t for t in titles if PASSPORT in t]


def test_redact_is_refused_for_the_points_summary(case_with_numbers: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["export", "points", case_with_numbers, "-o", str(tmp_path / "p.pdf"), "--redact"]) == 2
    assert "--redact" in capsys.readouterr().err


def test_the_log_and_crash_reports_carry_no_identity_numbers(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    log_path = configure_logging(tmp_path / "logs")
    try:
        logging.getLogger("zairyu.test").warning("applicant %s card %s number %s", PASSPORT, RESIDENCE_CARD,
                                                 MY_NUMBER)
        try:
            raise ValueError(f"passport_number: '{PASSPORT}' and {MY_NUMBER}")
        except ValueError:
            logging.getLogger("zairyu.test").exception("failed")
    finally:
        for handler in root.handlers[len(before):]:
            handler.close()
            root.removeHandler(handler)
    logged = log_path.read_text(encoding="utf-8")
    assert "applicant" in logged and "ValueError" in logged
    crash_log = CrashLog(tmp_path / "crash")
    try:
        raise RuntimeError(f"while saving {PASSPORT} / {RESIDENCE_CARD} / {MY_NUMBER}")
    except RuntimeError as exc:
        report = crash_log.write_report(RuntimeError, exc, exc.__traceback__).read_text(encoding="utf-8")
    assert "RuntimeError" in report
    for text in (logged, report):
        for value in (PASSPORT, RESIDENCE_CARD, MY_NUMBER):
            assert value not in text
