"""Rendering a document off the event loop, two at a time: every caller that renders while serving goes through here."""

from collections.abc import Mapping

import anyio

from docx_templates import DocumentKind, render_document

# Rendering holds the GIL, so more threads would not finish sooner, and each holds a whole document tree: with
# eight block heads at once, unlimited rendering took the API to 400 MiB.
RENDERERS = anyio.CapacityLimiter(2)


async def render_off_loop(kind: DocumentKind, context: Mapping[str, object]) -> bytes:
    return await anyio.to_thread.run_sync(render_document, kind, context, limiter=RENDERERS)
