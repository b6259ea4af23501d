"""The `attache` command line."""


def main() -> None:
    # Imported when run, not with the package: ingest's worker processes import `attache.cli.ingest`
    # and need none of the other commands (reports, Spark, the server).
    from .main import main as run

    run()


__all__ = ["main"]
