"""Run the command line: ``python -m birokrasi_retreat``."""

from birokrasi_retreat.cli import main


if __name__ == "__main__":
    raise SystemExit(main())
