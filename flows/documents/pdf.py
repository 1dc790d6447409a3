"""PDF copies of issued documents, converted by LibreOffice (soffice) on this server.

The .docx stays the issued document (its SHA-256 is recorded); a PDF is made on request and not stored.
"""

import asyncio
import contextlib
import os
import shutil
import signal
import tempfile
from pathlib import Path

from models.domain.errors import Problem, Unavailable
from models.settings import get_settings


async def docx_to_pdf(content: bytes) -> bytes:
    settings = get_settings()
    soffice = shutil.which(settings.soffice)
    if soffice is None:
        raise Unavailable(Problem("soffice", "pdf.converter_missing",
                                  f"PDF copies need LibreOffice ({settings.soffice!r} is not installed on this "
                                  "server). Download the .docx instead, or ask the administrator to install "
                                  "libreoffice-writer-nogui.",
                                  vi="Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF. Đề nghị tải bản .docx, "
                                     "hoặc liên hệ quản trị hệ thống để cài đặt libreoffice-writer-nogui."))
    with tempfile.TemporaryDirectory(prefix="tdkt-pdf-") as work:
        source = Path(work) / "document.docx"
        source.write_bytes(content)
        # A profile of its own per conversion: two soffice processes sharing one would hand work to each other.
        profile = (Path(work) / "profile").as_uri()
        await _run([soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                    "--convert-to", "pdf", "--outdir", work, str(source)])
        pdf = Path(work) / "document.pdf"
        if not pdf.exists():
            raise Unavailable(Problem("document_id", "pdf.conversion_failed",
                                      "LibreOffice could not convert this document; download the .docx instead.",
                                      vi="LibreOffice không chuyển được văn bản này sang PDF; đề nghị tải bản .docx."))
        return pdf.read_bytes()


async def _run(command: list[str]) -> None:
    timeout = get_settings().pdf_timeout_seconds
    # A session of its own, so that a timeout kills soffice.bin as well as the launcher script.
    process = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.DEVNULL,
                                                   stderr=asyncio.subprocess.PIPE, start_new_session=True)
    try:
        async with asyncio.timeout(timeout):
            _, errors = await process.communicate()
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        await process.wait()
        raise Unavailable(Problem("document_id", "pdf.timeout",
                                  f"LibreOffice did not finish within {timeout:g} s; try again later.",
                                  vi=f"LibreOffice chưa chuyển xong văn bản sau {timeout:g} giây; "
                                     "đề nghị thử lại sau.")) from None
    if process.returncode != 0:
        raise Unavailable(Problem("document_id", "pdf.conversion_failed",
                                  f"LibreOffice stopped with code {process.returncode}: "
                                  f"{errors.decode(errors='replace').strip()[:300]}",
                                  vi=f"LibreOffice dừng với mã lỗi {process.returncode}; đề nghị tải bản .docx hoặc "
                                     "liên hệ quản trị hệ thống."))
