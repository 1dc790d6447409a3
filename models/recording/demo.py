"""Loading the demo province through the organisation import, so the path a real province takes runs daily."""

from sqlmodel.ext.asyncio.session import AsyncSession

from models.domain.audit import Actor
from models.recording.organisation import import_organisation
from models.storage.demo import demo_loaded, demo_workbook, load_demo_accounts, seed_catalogue


async def load_demo_province(session: AsyncSession) -> bool:
    """Load the demo blocks, units, people and accounts once; returns False when they were already there.

    Their ids follow the workbook's order (blocks 1–3, units 1–16, person 1 Nguyễn Thị Hồng Nhung), which the
    README's walk-through uses."""
    await seed_catalogue(session)
    if await demo_loaded(session):
        return False
    await import_organisation(session, demo_workbook(), "demo_province.toml", Actor("demo"))
    await load_demo_accounts(session)
    return True
