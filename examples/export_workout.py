"""Export a built-in workout for a watch (Garmin FIT) and a calendar (iCalendar).

    python examples/export_workout.py [NAME] [--output-dir DIR] [--start YYYY-MM-DD]
        [--weeks N] [--weekdays mon,thu] [--at HH:MM]

Writes NAME.fit and NAME.ics (needs the fit and ics extras: pip install ".[fit,ics]" in a clone) and
prints the plan's sessions. NAME defaults to upper-body-for-runners; the plan starts today
unless told, and takes its weekdays from the workout's frequency unless told.
"""

from __future__ import annotations

import argparse
import datetime as dt
import signal
from pathlib import Path

import runstrength
from runstrength import catalog, export_fit, export_ics, plan


def main(argv: list[str] | None = None) -> int:
    """Write the files the command line asks for."""
    parser = argparse.ArgumentParser(description="Export a built-in workout to FIT and iCalendar.")
    parser.add_argument(
        "name", nargs="?", default="upper-body-for-runners", choices=catalog.names(), metavar="NAME"
    )
    parser.add_argument("--output-dir", type=Path, default=Path(), help="where to write (default: here)")
    today = dt.datetime.now(dt.UTC).astimezone().date()  # the local date
    parser.add_argument("--start", type=dt.date.fromisoformat, default=today, help="first day")
    parser.add_argument("--weeks", type=int, default=4, help="how many weeks the plan runs (default 4)")
    parser.add_argument("--weekdays", type=lambda text: text.split(","), help="such as mon,thu")
    parser.add_argument("--at", type=dt.time.fromisoformat, default=dt.time(7, 0), help="time of day")
    args = parser.parse_args(argv)

    workout = catalog.get(args.name)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    try:
        fit = export_fit(workout)
        schedule = {"start": args.start, "weeks": args.weeks, "weekdays": args.weekdays, "at": args.at}
        sessions = plan(workout, **schedule)
        ics = export_ics(workout, **schedule)
    except runstrength.MissingExtraError as error:
        parser.exit(1, f"{error}\n")
    except runstrength.ValidationError as error:  # a bad --weeks or --weekdays, with its path
        parser.error(str(error).replace("\n", "; "))

    (args.output_dir / f"{args.name}.fit").write_bytes(fit)
    (args.output_dir / f"{args.name}.ics").write_bytes(ics)
    print(f"wrote {args.name}.fit ({len(fit)} bytes) and {args.name}.ics to {args.output_dir}")
    for session in sessions:
        print(f"  {session}")
    return 0


if __name__ == "__main__":
    # A reader that stops early (`| head`) ends the script quietly, as it does any shell tool.
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    raise SystemExit(main())
