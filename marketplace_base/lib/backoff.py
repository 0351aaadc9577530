"""When to try a failed job again."""

BASE_DELAY = 30
MAX_DELAY = 3600


def retry_delay(attempts, retry_after=None, base=BASE_DELAY, cap=MAX_DELAY):
    """Seconds before the next try after ``attempts`` tries.

    The delay doubles with every attempt (30 s, 1 min, 2 min, …, at most an
    hour); a server's Retry-After wins when it asks for longer.
    """
    delay = min(cap, base * 2 ** max(0, attempts - 1))
    if retry_after:
        delay = max(delay, retry_after)
    return float(delay)
