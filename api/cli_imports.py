"""`tdkt import-history` and `tdkt import-organisation`: what an office loads from its own files."""

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.recording.organisation import ImportOutcome


async def _import_history(content: bytes, file_name: str) -> tuple[int, int]:
    from models.domain.audit import Actor
    from models.recording.history import import_history
    from models.storage.db import open_session

    async with open_session() as session:
        log = await import_history(session, content, file_name, Actor("tdkt-cli"))
        await session.commit()
    return log.imported, log.already_present


def import_history(args: argparse.Namespace) -> None:
    from pathlib import Path

    from models.domain.errors import DomainError

    path = Path(args.file)
    try:
        imported, present = asyncio.run(_import_history(path.read_bytes(), path.name))
    except OSError as error:
        sys.exit(f"Nothing imported: {error}")
    except DomainError as error:
        sys.exit("Nothing imported; fix these rows and run again:\n"
                 + "\n".join(f"  {p.field}: {p.message}" for p in error.problems))
    print(f"Imported {imported} award record(s) from {path.name}; {present} were already recorded.")


async def _import_organisation(content: bytes, file_name: str, dry_run: bool) -> "ImportOutcome":
    from models.domain.audit import Actor
    from models.domain.errors import DomainError
    from models.recording.organisation import import_organisation, record_refusal
    from models.storage.db import open_session

    cli = Actor("tdkt-cli")
    async with open_session() as session:
        try:
            outcome = await import_organisation(session, content, file_name, cli, dry_run=dry_run)
        except DomainError as error:
            await session.rollback()
            if not dry_run and error.status == 422:
                await record_refusal(session, content, file_name, cli, error.problems)
                await session.commit()
            raise
        await session.commit()
    return outcome


def import_organisation(args: argparse.Namespace) -> None:
    from pathlib import Path

    from models.domain.errors import DomainError
    from models.storage.organisation_files import csv_bundle

    path = Path(args.file)
    try:
        if path.is_dir():  # a folder of .csv files, one per sheet
            content = csv_bundle([(p.name, p.read_bytes()) for p in sorted(path.glob("*.csv")) + sorted(
                path.glob("*.CSV"))])
        else:
            content = path.read_bytes()
        outcome = asyncio.run(_import_organisation(content, path.name, args.dry_run))
    except OSError as error:
        sys.exit(f"Nothing imported: {error}")
    except DomainError as error:
        sys.exit("Nothing imported; fix these cells and run again:\n"
                 + "\n".join(f"  {p.vi or p.message}" for p in error.problems))
    print(f"{'Dry run, nothing written' if args.dry_run else 'Imported'}: {path.name}")
    for table, count in outcome.counts.items():
        print(f"  {table:<12} {count['created']} created, {count['updated']} updated, {count['unchanged']} unchanged")
    if outcome.passwords:
        print("One-time passwords of the new accounts (shown once; each must be changed at first login):")
        for username, password in outcome.passwords.items():
            print(f"  {username}  {password}")
