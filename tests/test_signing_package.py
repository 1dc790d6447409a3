"""A decision's pre-signing package from a real year: the PDF copy of every document of its dossier with a manifest
of their SHA-256, and the check of a signed PDF brought back against it."""

import hashlib
import io
import json
import zipfile

import httpx

from tests.demo import DemoProvince
from tests.year import BLOCK_HEAD, CHAIRMAN_OFFICE, as_user, run_year

# What a PDF signature adds: an incremental update after the original bytes (PAdES).
SIGNATURE_UPDATE = b"\n1 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite >>\nendobj\n%%EOF\n"


async def test_the_package_holds_every_paper_of_the_dossier_and_recognises_its_signed_copies(
    client: httpx.AsyncClient, demo: DemoProvince
) -> None:
    year = await run_year(client, demo)
    office = await as_user(client, CHAIRMAN_OFFICE)
    decision = year.decisions["flag"]
    made = await client.post(f"/decisions/{decision}/signing-package", headers=office)
    assert made.status_code == 201, made.text
    assert made.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(made.content)) as package:
        manifest = json.loads(package.read("manifest.json"))
        pdfs = {name: package.read(name) for name in package.namelist() if name != "manifest.json"}
    assert manifest["decision_number"] == "01/QĐ-UBND"
    entries = manifest["documents"]
    # The flag's dossier: the block's minutes, Tờ trình and achievement reports, the notice returning the proposal's
    # other dossiers, the office's Tờ trình and the council session's minutes, then the decision and the papers that
    # follow it.
    assert [e["kind"] for e in entries] == ["meeting_minutes", "block_proposal", "achievement_reports", "return_notice",
                                            "office_appraisal", "council_minutes", "decision", "certificates",
                                            "results_notice"]
    assert sorted(pdfs) == sorted(e["pdf_filename"] for e in entries)
    stored = {d["id"]: d["sha256"] for d in year.responses["sign_flag"]["documents"]}
    for entry in entries:
        pdf = pdfs[entry["pdf_filename"]]
        assert pdf.startswith(b"%PDF-") and len(pdf) == entry["pdf_bytes"]
        assert hashlib.sha256(pdf).hexdigest() == entry["pdf_sha256"]
        assert entry["document_id"] not in stored or stored[entry["document_id"]] == entry["docx_sha256"]

    [decision_pdf] = [(e, pdfs[e["pdf_filename"]]) for e in entries if e["kind"] == "decision"]
    signed = decision_pdf[1] + SIGNATURE_UPDATE
    checked = await client.post(f"/decisions/{decision}/signing-package/check", headers=office,
                                files={"file": ("quyet-dinh-da-ky.pdf", signed, "application/pdf")})
    assert checked.status_code == 200, checked.text
    assert checked.json()["match"] and checked.json()["signature_appended"]
    assert checked.json()["document_id"] == decision_pdf[0]["document_id"] and checked.json()["kind"] == "decision"

    tampered = bytearray(signed)
    tampered[len(tampered) // 2] ^= 0x01  # one byte of the decision changed after the package was made
    refused = await client.post(f"/decisions/{decision}/signing-package/check", headers=office,
                                files={"file": ("quyet-dinh-da-ky.pdf", bytes(tampered), "application/pdf")})
    assert refused.status_code == 422
    [problem] = refused.json()["errors"]
    assert (problem["field"], problem["rule"]) == ("file", "signing_package.no_match")
    assert problem["message_vi"].startswith("Tệp PDF không khớp với văn bản nào trong gói trình ký của Quyết định "
                                            "01/QĐ-UBND")
    not_pdf = await client.post(f"/decisions/{decision}/signing-package/check", headers=office,
                                files={"file": ("ghi-chu.txt", b"khong phai PDF", "text/plain")})
    assert not_pdf.status_code == 422 and not_pdf.json()["errors"][0]["rule"] == "signing_package.not_pdf"
    # Another decision has no package yet; a block head may not make one.
    other = year.decisions["bk_individual"]
    none = await client.post(f"/decisions/{other}/signing-package/check", headers=office,
                             files={"file": ("x.pdf", signed, "application/pdf")})
    assert none.status_code == 409 and none.json()["errors"][0]["rule"] == "signing_package.none"
    forbidden = await client.post(f"/decisions/{decision}/signing-package", headers=await as_user(client, BLOCK_HEAD))
    assert forbidden.status_code == 403
