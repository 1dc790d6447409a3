"""`tdkt`: run the service, apply migrations, load the demo province, run the reconciler once, print PDFs,
import award history and the province's organisation workbook."""

import argparse
import asyncio
import os
import sys

from api.cli_imports import import_history, import_organisation

# Prefect reads its own settings from the environment; these are its embedded-mode defaults for this service.
# Analytics off removes the only "database is locked" seen with the SQLite-backed local Prefect API.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# The stage flows' step lines (flows/common.py note_step) are INFO: they must still reach the flow run's log in
# Prefect's UI, and the console shows them too.
os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL", "INFO")


async def _seed_catalogue() -> int:
    from models.storage.db import open_session
    from models.storage.demo import seed_catalogue

    async with open_session() as session:
        added = await seed_catalogue(session)
        await session.commit()
    return added


def migrate(_: argparse.Namespace) -> None:
    from migrations import upgrade
    from models.settings import get_settings
    from models.storage.catalogue_file import CatalogueError

    upgrade()
    try:
        changed = asyncio.run(_seed_catalogue())
    except CatalogueError as error:
        sys.exit(f"The award catalogue cannot be used: {error}")
    print(f"Database schema is up to date: {get_settings().database_url} "
          f"({changed} awards added or updated from the catalogue)")


async def _load_demo() -> bool:
    from models.recording.demo import load_demo_province
    from models.storage.db import open_session

    async with open_session() as session:
        loaded = await load_demo_province(session)
        await session.commit()
    return loaded


def demo(_: argparse.Namespace) -> None:
    from models.storage.demo import demo_data

    loaded = asyncio.run(_load_demo())
    data = demo_data()
    print("Demo province loaded." if loaded else "Demo province was already loaded.")
    for block in data["blocks"]:
        print(f"  {block['code']}: {block['name']} ({len(block['units'])} units, year {data['year']})")
    print(f"Demo accounts (password {data['accounts']['password']!r}; change them before real use):")
    for account in data["accounts"]["users"]:
        print(f"  {account['username']:<20} {account['role']} {account.get('block', '')}")


async def _create_admin(username: str, full_name: str, password: str) -> None:
    from models.domain.audit import Actor
    from models.domain.permissions import Role
    from models.recording.accounts import create_user, grant_role
    from models.storage.db import open_session
    from models.tables.accounts import GrantCreate, UserCreate

    cli = Actor("tdkt-cli")
    async with open_session() as session:
        user = await create_user(session, UserCreate(username=username, full_name=full_name, password=password), cli)
        await grant_role(session, user.id, GrantCreate(role=Role.ADMINISTRATOR), cli)
        await session.commit()


def create_admin(args: argparse.Namespace) -> None:
    import getpass

    from models.domain.errors import DomainError

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
    try:
        asyncio.run(_create_admin(args.username, args.full_name, password))
    except (DomainError, ValueError) as error:
        sys.exit(f"Not created: {error}")
    print(f"Administrator {args.username!r} created; log in at POST /login/access-token.")


async def _pdf(document_id: int) -> bytes:
    from flows.documents.pdf import docx_to_pdf
    from models.domain.errors import not_found
    from models.domain.vietnamese import object_vi
    from models.storage.db import open_session
    from models.tables.stage import Document

    async with open_session() as session:
        document = await session.get(Document, document_id)
    if document is None:
        raise not_found("DOCUMENT_ID", "document", document_id, what_vi=object_vi(Document.__name__))
    return await docx_to_pdf(document.content)


def pdf(args: argparse.Namespace) -> None:
    from pathlib import Path

    from models.domain.errors import DomainError

    try:
        content = asyncio.run(_pdf(args.document_id))
    except DomainError as error:
        sys.exit(f"No PDF: {error}")
    Path(args.out).write_bytes(content)
    print(f"Wrote {args.out} ({len(content):,} bytes), a PDF copy of document {args.document_id}.")


def reconcile(args: argparse.Namespace) -> None:
    from flows.reconciler import reconcile_stages

    finished = asyncio.run(reconcile_stages(grace_seconds=args.grace))
    print(f"Reconciler ran {len(finished)} unfinished stage(s).")
    for row in finished:
        print(f"  stage {row['stage']} {row['kind']} {row['subject']}: {row['status']} {row['error']}")


def serve(args: argparse.Namespace) -> None:
    import uvicorn

    from api.prefect_server import embedded_prefect_server
    from models.settings import get_settings

    migrate(args)
    if args.demo:
        demo(args)
    settings = get_settings()
    host, port = args.host or settings.host, args.port or settings.port
    with embedded_prefect_server(settings.prefect_ui_port) as prefect_ui:
        if prefect_ui is not None:
            print(f"Prefect UI: {prefect_ui}   (flow runs of the stages)")
        print(f"API docs: http://{host}:{port}/docs   (stage runner: {settings.stage_runner.value})")
        uvicorn.run("api.main:app", host=host, port=port, log_level="info")


def stage_worker(args: argparse.Namespace) -> None:
    from flows.stage_worker import serve_stages

    print(f"Stage worker: up to {args.limit} stage(s) at once, from {os.environ.get('PREFECT_API_URL', '?')}")
    serve_stages(args.limit)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="tdkt", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="apply migrations and run the API")
    serve_cmd.add_argument("--demo", action="store_true", help="load the demo province first")
    serve_cmd.add_argument("--host")
    serve_cmd.add_argument("--port", type=int)
    serve_cmd.set_defaults(handler=serve)
    worker_cmd = commands.add_parser(
        "stage-worker", help="finish the stages an API with TDKT_STAGE_RUNNER=task_worker hands over (scale-out)")
    worker_cmd.add_argument("--limit", type=int, default=4, help="stages run at once")
    worker_cmd.set_defaults(handler=stage_worker)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(handler=migrate)
    commands.add_parser("demo", help="load the award catalogue and the demo province").set_defaults(handler=demo)
    admin_cmd = commands.add_parser("create-admin", help="create the first administrator account")
    admin_cmd.add_argument("username")
    admin_cmd.add_argument("--full-name", required=True)
    admin_cmd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    admin_cmd.set_defaults(handler=create_admin)
    reconcile_cmd = commands.add_parser("reconcile", help="finish stages whose flow never completed, once")
    reconcile_cmd.add_argument("--grace", type=int, default=None, help="seconds a stage is left to its own flow")
    reconcile_cmd.set_defaults(handler=reconcile)
    history_cmd = commands.add_parser("import-history", help="import past years' award decisions from a CSV file")
    history_cmd.add_argument("file", metavar="FILE.csv",
                             help="UTF-8, header year,award_code,unit_code,person_name,decision_number")
    history_cmd.set_defaults(handler=import_history)
    organisation_cmd = commands.add_parser(
        "import-organisation",
        help="import units, people, blocks, memberships, the council's roster, households and accounts from an "
             ".xlsx workbook or a folder of .csv files")
    organisation_cmd.add_argument("file", metavar="FILE.xlsx|DIR/",
                                  help="sheets Đơn vị, Cá nhân, Khối, Thành viên khối, optionally Hội đồng, Hộ gia "
                                       "đình, Tài khoản; or a folder with one .csv per sheet, named after it "
                                       "(README: how a province sets itself up)")
    organisation_cmd.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    organisation_cmd.set_defaults(handler=import_organisation)
    pdf_cmd = commands.add_parser("pdf", help="write a PDF copy of an issued document (needs LibreOffice)")
    pdf_cmd.add_argument("document_id", type=int, metavar="DOCUMENT_ID")
    pdf_cmd.add_argument("out", metavar="OUT.pdf")
    pdf_cmd.set_defaults(handler=pdf)
    args = parser.parse_args(argv)
    args.handler(args)


if __name__ == "__main__":
    main()
