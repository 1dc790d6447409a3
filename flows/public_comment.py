"""Publishing a list for public comment: the office's notice with its list is numbered and printed once. Nothing
moves: the dossiers stay eligible, and the council may decide on them once the window has closed."""

from typing import Any

from docx_templates import DocumentKind
from flows.common import complete_stage, load_stage, publish_table, stage_flow, store_stage_document
from flows.documents.public_comment_list import build_public_comment_list, listed_in
from models.domain.enums import StageKind
from models.storage.db import open_session
from models.storage.papers import number_office_notice
from models.tables.public_comment import CommentWindow

STAGE = StageKind.PUBLIC_COMMENT


async def number_notice(window_id: int) -> list[dict[str, Any]]:
    """Number the notice in the office's Thông báo series of the year it opens (a rerun finds it numbered)."""
    async with open_session() as session:
        stage = await load_stage(session, STAGE, window_id)
        window = await session.get_one(CommentWindow, window_id)
        paper = await number_office_notice(session, stage, DocumentKind.PUBLIC_COMMENT_LIST, window.opens_on)
        listed = await listed_in(session, window_id)
        await session.commit()
        return [{"nomination": n.id, "notice": paper.number, "opens_on": window.opens_on.isoformat(),
                 "closes_on": window.closes_on.isoformat()} for n in listed]


@stage_flow("public-comment", "public-comment-{window_id}")
async def publish_for_comment(window_id: int) -> list[dict[str, Any]]:
    listed = await number_notice(window_id)
    await store_stage_document(STAGE, window_id, DocumentKind.PUBLIC_COMMENT_LIST, build_public_comment_list)
    await publish_table(f"public-comment-{window_id}", listed, f"List {window_id} published for public comment")
    await complete_stage(STAGE, window_id)
    return listed
