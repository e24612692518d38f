"""The online upload set: one PDF per document, within the online system's total, nothing half-written."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from tests.reports.conftest import doc, make_noise_photo, make_pdf, make_photo, page_count

from zairyu.domain.online_system import BYTES_PER_MB, load_online_system, load_online_system_file
from zairyu.errors import DataFileError, UserInputError
from zairyu.paths import checklists_dir
from zairyu.reports.atomic import ExportCancelled, ExportControl
from zairyu.reports.online_set import build_online_set, estimate_online_set, file_names
from zairyu.reports.sources import PacketDocument

MB = BYTES_PER_MB


def image_dpis(path: Path) -> list[float]:
    """The resolution of every image drawn in the PDF: its pixels over the size its ``cm`` draws it at."""
    found = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            matrix = None
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "cm":
                    matrix = [float(v) for v in operands]
                elif str(operator) == "Do":
                    xobject = page.obj.Resources.XObject[operands[0]]
                    if xobject.get("/Subtype") != "/Image":
                        continue
                    assert matrix is not None
                    a, b, c, d = matrix[:4]
                    across, down = math.hypot(a, b) / 72, math.hypot(c, d) / 72  # inches
                    found.append(min(int(xobject.Width) / across, int(xobject.Height) / down))
    return found


def qpdf_check(path: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def siblings(folder: Path) -> list[str]:
    """What an export left in the target's parent besides the inputs (temporary folders would show here)."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


@pytest.fixture
def case_docs(tmp_path: Path, files: Callable[[str], Path]) -> list[PacketDocument]:
    """A case in checklist order: the face photo, a 2-page passport, a contract, 3 phone photos of payslips."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    payslips = [make_noise_photo(inputs / f"payslip-{i}.jpg", (2400, 1800), seed=i) for i in range(3)]
    return [
        doc("Photo", "写真", make_photo(inputs / "face.jpg", (600, 800), seed=9), code="photo"),
        doc("Passport", "旅券", files("passport.pdf"), code="passport"),
        doc("Residence card", "在留カード", code="residence-card"),  # nothing attached: no file
        doc("Employment contract", "雇用契約書", files("contract.pdf"), files("rotated.pdf"),
            code="employment-terms"),
        doc("Salary evidence", "給与明細", *payslips, code="evidence-salary"),
    ]


def test_the_set_is_one_clean_pdf_per_document_in_checklist_order(case_docs: list[PacketDocument],
                                                                  tmp_path: Path) -> None:
    as_attached = sum(f.path.stat().st_size for d in case_docs for f in d.files)
    limit = int(as_attached * 0.6)  # the payslip photos must be downscaled to fit
    out = tmp_path / "online"
    result = build_online_set(case_docs, out, limit_bytes=limit)

    names = ["01-photo.pdf", "02-passport.pdf", "03-employment-terms.pdf", "04-evidence-salary.pdf"]
    assert sorted(p.name for p in out.iterdir()) == names  # sorted by name = checklist order
    assert [f.path for f in result.files] == [out / n for n in names]
    # The face photo counts: every file in the folder together is within the limit.
    total = sum(p.stat().st_size for p in out.iterdir())
    assert total == result.total_bytes <= limit
    assert [page_count(out / n) for n in names] == [1, 2, 3 + 1, 3]  # every page kept
    for name in names:
        path = out / name
        qpdf_check(path)
        with pikepdf.open(path) as pdf:
            assert not pdf.is_encrypted
            assert str(pdf.docinfo.Creator).startswith("Zairyu")
        assert all(dpi >= 200 for dpi in image_dpis(path)), name
    assert result.downscaled and all(dpi >= 200 for _, dpi in result.downscaled)
    assert siblings(out) == []


def test_photos_are_downscaled_only_as_needed_and_largest_first(tmp_path: Path) -> None:
    big = [make_noise_photo(tmp_path / f"big-{i}.jpg", (3000, 2250), seed=i) for i in range(2)]
    small = make_noise_photo(tmp_path / "small.jpg", (2400, 1800), seed=7, quality=60)
    documents = [doc("Small", "小", small, code="small"), doc("Big", "大", *big, code="big")]
    big_bytes = sum(p.stat().st_size for p in big)
    # Either document could go down to 200 dpi; shrinking the big one to 3/4 is enough on its own.
    result = build_online_set(documents, tmp_path / "set", limit_bytes=small.stat().st_size + int(big_bytes * 0.75))
    dpi = {f.code: f.dpi for f in result.files}
    assert dpi["small"] is None  # lowering the largest document was enough
    assert dpi["big"] is not None and dpi["big"] >= 200


def test_a_set_within_the_limit_passes_photos_through_untouched(tmp_path: Path) -> None:
    photo = make_noise_photo(tmp_path / "scan.jpg", (1600, 1200))
    result = build_online_set([doc("Diploma", "卒業証書", photo, code="diploma")], tmp_path / "set")
    assert result.downscaled == [] and result.limit_bytes == load_online_system().limit_bytes == 25 * MB
    with pikepdf.open(result.files[0].path) as pdf:
        (image,) = pdf.pages[0].get_images().values()
        assert image.read_raw_bytes() == photo.read_bytes()


def test_a_small_image_is_printed_smaller_rather_than_below_200_dpi(tmp_path: Path) -> None:
    tiny = make_photo(tmp_path / "tiny.jpg", (640, 480))  # no dpi in the file: 72 dpi would fill the page
    result = build_online_set([doc("Photo", "写真", tiny, code="photo")], tmp_path / "set")
    (dpi,) = image_dpis(result.files[0].path)
    assert 199.9 <= dpi <= 200.1


def test_an_impossible_limit_names_the_documents_and_writes_nothing(case_docs: list[PacketDocument],
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "online"
    with pytest.raises(UserInputError) as info:
        build_online_set(case_docs, out, limit_bytes=200_000)
    error = info.value
    assert error.kind == "online_set_too_large" and error.field == "limit_mb"
    assert error.details["over_bytes"] == error.details["total_bytes"] - 200_000 > 0
    named = [d["code"] for d in error.details["documents"]]
    assert named[0] == "evidence-salary"  # the largest first, then as many as cover the excess
    assert "'Salary evidence' (evidence-salary)" in str(error) and "even with every photo at 200 dpi" in str(error)
    assert "MB over the limit of 0.2 MB" in str(error)
    assert not out.exists() and siblings(out) == []


def test_cancel_leaves_nothing(case_docs: list[PacketDocument], tmp_path: Path) -> None:
    cancel = threading.Event()
    seen: list[str] = []

    def progress(done: int, total: int, message: str) -> None:
        seen.append(message)
        if message.startswith("writing 03-"):
            cancel.set()  # half the set is written by now

    out = tmp_path / "online"
    with pytest.raises(ExportCancelled):
        build_online_set(case_docs, out, control=ExportControl(progress=progress, cancel=cancel))
    assert "writing 02-passport.pdf" in seen
    assert not out.exists() and siblings(out) == []


def test_an_earlier_set_is_replaced_but_a_folder_of_other_files_is_refused(case_docs: list[PacketDocument],
                                                                          tmp_path: Path) -> None:
    out = tmp_path / "online"
    build_online_set(case_docs, out)
    build_online_set(case_docs[:2], out)  # fewer documents now: the old files must not linger
    assert sorted(p.name for p in out.iterdir()) == ["01-photo.pdf", "02-passport.pdf"]
    assert siblings(out) == []

    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(UserInputError) as info:
        build_online_set(case_docs, mine)
    assert info.value.kind == "output_folder_not_empty" and info.value.field == "output"
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(UserInputError) as info:
        build_online_set(case_docs, tmp_path / "a-file")
    assert info.value.kind == "output_not_folder"
    with pytest.raises(UserInputError) as info:
        build_online_set(case_docs, tmp_path / "missing" / "online")
    assert info.value.kind == "output_folder_missing"


def test_a_file_count_limit_in_the_rules_is_applied(case_docs: list[PacketDocument], tmp_path: Path) -> None:
    rules = dataclasses.replace(load_online_system(), max_files=2)
    with pytest.raises(UserInputError) as info:
        build_online_set(case_docs, tmp_path / "online", rules=rules)
    assert info.value.kind == "online_set_too_many_files" and "at most 2 files" in str(info.value)
    assert not (tmp_path / "online").exists()


def test_the_estimate_brackets_what_the_export_writes(case_docs: list[PacketDocument], tmp_path: Path) -> None:
    estimate = estimate_online_set(case_docs)
    assert estimate.documents == 4 and estimate.files == 1 + 1 + 2 + 3
    as_attached = sum(f.path.stat().st_size for d in case_docs for f in d.files)
    assert as_attached < estimate.as_attached_bytes < as_attached * 1.05
    assert estimate.smallest_bytes < estimate.as_attached_bytes * 0.8
    assert estimate.fits_as_attached and estimate.may_fit
    tight = estimate_online_set(case_docs, limit_bytes=int(estimate.smallest_bytes * 0.5))
    assert not tight.fits_as_attached and not tight.may_fit


def test_file_names_are_ascii_and_sort_in_checklist_order(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", 1)
    named = [doc("Lettre d'employeur — 雇用", "雇用", pdf), doc("雇用契約", "雇用契約", pdf),
             doc("Photo", "写真", pdf, code="photo")]
    assert file_names(named) == ["01-lettre-d-employeur.pdf", "02-document.pdf", "03-photo.pdf"]
    many = file_names([doc(f"Doc {i}", "", pdf) for i in range(120)])
    assert many[0] == "001-doc-0.pdf" and many == sorted(many)


def test_the_rules_file_is_data_with_its_source() -> None:
    rules = load_online_system()
    assert rules.effective_from.isoformat() == "2026-01-05"
    assert rules.max_total_mb == 25 and rules.min_dpi == 200 and rules.formats == ["pdf"]
    assert rules.source.startswith("https://") and rules.source_tier == "secondary" and rules.unverified


@pytest.mark.parametrize(("old", "new", "key"), [
    ("max_total_mb = 25", "max_total_mb = -1", "max_total_mb"),
    ('formats = ["pdf"]', 'formats = ["png"]', "formats"),
    ("min_dpi = 200", "min_dpi = 20", "min_dpi"),
    ("effective_from = 2026-01-05", 'effective_from = "soon"', "effective_from"),
])
def test_a_mistake_in_the_rules_file_names_file_and_key(tmp_path: Path, old: str, new: str, key: str) -> None:
    path = tmp_path / "online-system.toml"
    text = (checklists_dir() / "online-system.toml").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_online_system_file(path)
    assert info.value.file == str(path) and info.value.key == key
    assert str(info.value).startswith(f"{path}: {key}: ")


def test_rules_model_rejects_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "online-system.toml"
    text = (checklists_dir() / "online-system.toml").read_text(encoding="utf-8")
    path.write_text(text + "max_photo_mb = 2\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_online_system_file(path)
    assert str(info.value) == f"{path}: max_photo_mb: Extra inputs are not permitted"


def test_the_rules_from_the_cache_need_no_pydantic(tmp_path: Path) -> None:
    """The packet page reads the limits at start-up: served from the rules cache, they come without pydantic."""
    path = tmp_path / "online-system.toml"
    path.write_bytes((checklists_dir() / "online-system.toml").read_bytes())
    load_online_system_file(path)  # validated, into the cache
    script = (f"import sys; from pathlib import Path; from zairyu.domain.online_system import load_online_system_file; "
              f"load_online_system_file(Path({str(path)!r})); print('pydantic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_export_online_cli(cli, tmp_path: Path, files) -> None:  # type: ignore[no-untyped-def]
    created = cli("case", "new", "--route", "hsp-1b", "--procedure", "change", "--format", "json")
    assert created.returncode == 0, created.stderr
    case_id = str(json.loads(created.stdout)["id"])
    assert cli("case", "attach", case_id, "photo", str(files("photo.jpg"))).returncode == 0
    assert cli("case", "attach", case_id, "passport", str(files("passport.pdf"))).returncode == 0
    out = tmp_path / "upload"
    result = cli("export", "online", case_id, "-o", str(out))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and names[0].endswith("-photo.pdf") and names[1].endswith("-passport.pdf")
    assert f"{out / names[0]}\t1 pages" in result.stdout and "(limit 25 MB)" in result.stdout
    assert "UNVERIFIED online-system rules" in result.stderr and "no file attached" in result.stderr

    refused = cli("export", "online", case_id, "-o", str(out), "--limit-mb", "0.001")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "over the limit of 0.001 MB" in refused.stderr and "Traceback" not in refused.stderr
    assert sorted(p.name for p in out.iterdir()) == names  # the earlier set is untouched

    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "mine.txt").write_text("x")
    refused = cli("export", "online", case_id, "-o", str(taken))
    assert refused.returncode == 2 and f"-o {taken}: the folder already holds other files" in refused.stderr
    zero = cli("export", "online", case_id, "-o", str(tmp_path / "zero"), "--limit-mb", "0")
    assert zero.returncode == 2
    assert "size limit 0 MB: must be a positive number of megabytes (--limit-mb)" in zero.stderr
    wrong_flag = cli("export", "packet", case_id, "-o", str(tmp_path / "p.pdf"), "--limit-mb", "25")
    assert wrong_flag.returncode == 2 and "--limit-mb: applies to the online set only" in wrong_flag.stderr


def test_a_killed_exports_partial_folder_is_cleared_by_the_next(case_docs: list[PacketDocument],
                                                                tmp_path: Path) -> None:
    out = tmp_path / "online"
    leftover = tmp_path / ".online.zairyu-999999999-k2j4h1.part"  # no such process
    leftover.mkdir()
    (leftover / "01-photo.pdf").write_bytes(b"%PDF-1.7 half written")
    build_online_set(case_docs[:1], out)
    assert not leftover.exists() and siblings(out) == []
    assert [p.name for p in out.iterdir()] == ["01-photo.pdf"]


_FULL_DISK_CHILD = """
import resource, signal, sys
from pathlib import Path
from zairyu.errors import ZairyuError
from zairyu.reports.online_set import build_online_set
from zairyu.reports.sources import PacketDocument, PacketFile
photo = Path(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
try:
    build_online_set([PacketDocument("Scan", "", (PacketFile(photo, photo.name),), code="scan")], Path(sys.argv[2]))
except ZairyuError as exc:
    print(exc.kind, exc.field, exc, sep="|")
"""


def test_a_full_disk_is_one_error_naming_the_output_and_leaves_nothing(tmp_path: Path) -> None:
    photo = make_noise_photo(tmp_path / "scan.jpg", (1200, 900))  # about 1 MB: over the file-size limit
    out = tmp_path / "online"
    child = subprocess.run([sys.executable, "-c", _FULL_DISK_CHILD, str(photo), str(out)], capture_output=True,
                           text=True, cwd=Path(__file__).resolve().parents[2])
    assert child.returncode == 0, child.stderr
    kind, field, message = child.stdout.strip().split("|")
    assert (kind, field) == ("output_write_failed", "output")
    assert message.startswith(f"{out}: could not be written") and "no file was written" in message
    assert not out.exists() and siblings(out) == []


def test_active_content_never_reaches_the_online_set_and_forms_are_flattened(tmp_path: Path) -> None:
    from tests.fuzz.hostile import active_pdf, form_pdf

    documents = [doc("Company brochure", "会社案内", active_pdf(tmp_path / "brochure.pdf"), code="brochure"),
                 doc("Application form", "申請書", form_pdf(tmp_path / "form.pdf"), code="application-form")]
    result = build_online_set(documents, tmp_path / "set")
    (name, removed), = result.removed_content
    assert name == "brochure.pdf" and "JavaScript" in removed
    assert result.flattened_forms == ["form.pdf"]
    with pikepdf.open(tmp_path / "set" / "01-brochure.pdf") as pdf:
        for obj in pdf.objects:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                assert not any(key in obj for key in ("/JS", "/OpenAction", "/AA", "/EmbeddedFiles")), obj
    with pikepdf.open(tmp_path / "set" / "02-application-form.pdf") as pdf:
        assert "/AcroForm" not in pdf.Root
