"""SQL expressions shared by the seed generators (seed-sql.py, search/seed-sql.py): rows made by the database
itself (H2's SYSTEM_RANGE, PostgreSQL's generate_series), padded ids, moments and values picked by a number."""
import sys


def dialect_from(argv, position=2):
    dialect = argv[position] if len(argv) > position else "h2"
    if dialect not in ("h2", "postgresql"):
        sys.exit("dialect: h2 or postgresql")
    return dialect


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


def pick(values, expr):
    """One of the values, chosen by the number expr (a CASE on its remainder)."""
    cases = " ".join(f"when {i} then {quoted(v)}" for i, v in enumerate(values))
    return f"case mod({expr}, {len(values)}) {cases} end"


def padded(prefix, expr, width=25):
    """An id of 26 characters: the prefix and the number, zero-padded."""
    return f"'{prefix}' || lpad(cast({expr} as varchar), {width}, '0')"


class Sql:
    def __init__(self, dialect):
        self.h2 = dialect == "h2"

    def numbers(self, n):
        """The rows 1..n, the number named n."""
        return f"system_range(1, {n}) g(n)" if self.h2 else f"generate_series(1, {n}) g(n)"

    def at(self, minutes_expr, start="2015-01-01 08:00:00+00"):
        """A moment that many minutes after the start."""
        if self.h2:
            return f"dateadd(minute, {minutes_expr}, timestamp with time zone '{start}')"
        return f"(timestamptz '{start}' + ({minutes_expr}) * interval '1 minute')"

    def day(self, days_expr, start="2010-01-01"):
        """A date that many days after the start."""
        if self.h2:
            return f"dateadd(day, {days_expr}, date '{start}')"
        return f"(date '{start}' + cast({days_expr} as integer))"
