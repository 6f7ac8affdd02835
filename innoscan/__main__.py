"""`python -m innoscan` and the `innoscan` command: the command line, its modules kept to the
end of the process (innoscan.collector). When it is done the process ends: everything is
frozen again, so that Python's last collection does not walk every object to free nothing."""

import gc

from innoscan.collector import kept_to_the_end


def main() -> int:
    with kept_to_the_end():
        from innoscan.cli import main as command_line
    try:
        return command_line()
    finally:
        gc.freeze()


if __name__ == "__main__":
    raise SystemExit(main())
