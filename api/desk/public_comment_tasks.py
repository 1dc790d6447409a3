"""The council secretary's public comment tasks in "việc cần làm": dossiers to publish, lists open, comments
waiting. A handful of set-based queries, whatever the number of dossiers and comments."""

from sqlmodel.ext.asyncio.session import AsyncSession

from api.desk.public_comment import to_publish
from api.desk.work import Task
from models.recording.deadlines import today_in_vietnam
from models.storage.public_comment import listings, waiting_by_window, windows_on


async def public_comment_tasks(session: AsyncSession) -> list[Task]:
    today = today_in_vietnam()
    by_year: dict[int, int] = {}
    for n in await to_publish(session):
        by_year[n.year] = by_year.get(n.year, 0) + 1
    tasks = [Task("Công khai danh sách lấy ý kiến nhân dân",
                  f"Năm {year}: {count} hồ sơ đủ điều kiện phải lấy ý kiến nhân dân trước khi Hội đồng xét",
                  "/desk/public-comment") for year, count in sorted(by_year.items())]
    waiting = await waiting_by_window(session)
    for listing in await listings(session, await windows_on(session, today, open_only=True), today):
        w = listing.window
        tasks.append(Task("Đang lấy ý kiến nhân dân", f"Danh sách số {w.id}: {len(listing.dossiers)} hồ sơ, đến hết "
                          f"ngày {w.closes_on:%d/%m/%Y}", f"/desk/public-comment/{w.id}"))
    tasks += [Task("Xử lý ý kiến nhân dân", f"Danh sách số {window_id}: {count} ý kiến chờ xử lý",
                   f"/desk/public-comment/{window_id}") for window_id, count in sorted(waiting.items())]
    return tasks
