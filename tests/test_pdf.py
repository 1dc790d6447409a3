"""PDF copies by LibreOffice: a clear 503 problem without it; with it, a real conversion through the API and
the CLI. The suite needs LibreOffice (`.ci/run` installs it): without it these tests fail, they never skip."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from docx_templates import DocumentKind, render_document
from flows.documents.pdf import docx_to_pdf
from models.settings import get_settings
from tests.demo import DemoProvince
from tests.documents_fixtures import decision_context
from tests.year import Year, hold_meeting

ROOT = Path(__file__).resolve().parents[1]
MISSING = "tdkt-no-such-soffice"


def require_soffice() -> None:
    if not shutil.which(get_settings().soffice):
        pytest.fail("LibreOffice (soffice) is not on PATH: install libreoffice-writer-nogui (as .ci/run does)")


def pages(pdf: bytes) -> int:
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b.*?/Count (\d+)", pdf, re.S)]
    assert counts, "not a PDF page tree"
    return max(counts)


def cli_pdf(database_url: str, document_id: int, out: Path, soffice: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "TDKT_SOFFICE": soffice}
    return subprocess.run([sys.executable, "-m", "api.cli", "pdf", str(document_id), str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


async def test_without_libreoffice_a_pdf_is_a_clear_503_problem(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    year = Year()
    await hold_meeting(client, demo, year)
    [minutes] = year.responses["results"]["documents"]
    monkeypatch.setattr(get_settings(), "soffice", MISSING)

    response = await client.get(minutes["pdf_url"])
    assert response.status_code == 503 and response.headers["content-type"] == "application/problem+json"
    [error] = response.json()["errors"]
    assert (error["field"], error["rule"]) == ("soffice", "pdf.converter_missing")
    assert "libreoffice-writer-nogui" in error["message"]
    done = cli_pdf(database_url, minutes["id"], tmp_path / "out.pdf", MISSING)
    assert done.returncode == 1 and "No PDF" in done.stderr and not (tmp_path / "out.pdf").exists()


async def test_libreoffice_prints_the_minutes_through_the_api_and_the_cli(
    client: httpx.AsyncClient, demo: DemoProvince, database_url: str, tmp_path: Path
) -> None:
    require_soffice()
    year = Year()
    await hold_meeting(client, demo, year)
    [minutes] = year.responses["results"]["documents"]

    response = await client.get(minutes["pdf_url"])
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and pages(response.content) >= 1
    assert "bien-ban-hop-khoi-KHOI-KINH-TE-2026.pdf" in response.headers["content-disposition"]
    done = cli_pdf(database_url, minutes["id"], tmp_path / "bien-ban.pdf", get_settings().soffice)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "bien-ban.pdf").read_bytes().startswith(b"%PDF")


async def test_libreoffice_lays_the_decision_out_with_its_annex_on_a_page_of_its_own() -> None:
    require_soffice()
    short_annex = await docx_to_pdf(render_document(DocumentKind.DECISION, decision_context()))
    assert pages(short_annex) == 2, "one page of decision, then the annex on a new page"
    long_annex = await docx_to_pdf(render_document(DocumentKind.DECISION, decision_context(annex_rows=120)))
    assert pages(long_annex) >= 3, "a long annex runs over several pages of its own"
