"""`tdkt`: run the service, apply migrations, load the demo province, run the reconciler once."""

import argparse
import asyncio
import os

# Prefect reads its own settings from the environment; these are its embedded-mode defaults for this service.
# Analytics off removes the only "database is locked" seen with the SQLite-backed local Prefect API.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def migrate(_: argparse.Namespace) -> None:
    from migrations import upgrade
    from models.settings import get_settings

    upgrade()
    print(f"Database schema is up to date: {get_settings().database_url}")


async def _load_demo() -> bool:
    from models.db import open_session
    from models.demo import load_demo_province

    async with open_session() as session:
        loaded = await load_demo_province(session)
        await session.commit()
    return loaded


def demo(_: argparse.Namespace) -> None:
    from models.demo import demo_data

    loaded = asyncio.run(_load_demo())
    data = demo_data()
    print("Demo province loaded." if loaded else "Demo province was already loaded.")
    for block in data["blocks"]:
        print(f"  {block['code']}: {block['name']} ({len(block['units'])} units, year {data['year']})")


def reconcile(args: argparse.Namespace) -> None:
    from flows.reconciler import reconcile_stages

    finished = asyncio.run(reconcile_stages(grace_seconds=args.grace))
    print(f"Reconciler ran {len(finished)} unfinished stage(s).")
    for row in finished:
        print(f"  stage {row['stage']} {row['kind']} {row['subject']}: {row['status']} {row['error']}")


def serve(args: argparse.Namespace) -> None:
    import uvicorn

    from models.settings import get_settings

    migrate(args)
    if args.demo:
        demo(args)
    settings = get_settings()
    host, port = args.host or settings.host, args.port or settings.port
    print(f"API docs: http://{host}:{port}/docs   (stage runner: {settings.stage_runner.value})")
    uvicorn.run("api.main:app", host=host, port=port, log_level="info")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="tdkt", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="apply migrations and run the API")
    serve_cmd.add_argument("--demo", action="store_true", help="load the demo province first")
    serve_cmd.add_argument("--host")
    serve_cmd.add_argument("--port", type=int)
    serve_cmd.set_defaults(handler=serve)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(handler=migrate)
    commands.add_parser("demo", help="load the award catalogue and the demo province").set_defaults(handler=demo)
    reconcile_cmd = commands.add_parser("reconcile", help="finish stages whose flow never completed, once")
    reconcile_cmd.add_argument("--grace", type=int, default=None, help="seconds a stage is left to its own flow")
    reconcile_cmd.set_defaults(handler=reconcile)
    args = parser.parse_args(argv)
    args.handler(args)


if __name__ == "__main__":
    main()
