"""When to try a failed job again."""

import math

BASE_DELAY = 30
MAX_DELAY = 3600


def retry_delay(attempts, retry_after=None, base=BASE_DELAY, cap=MAX_DELAY):
    """Seconds before the next try after ``attempts`` tries.

    The delay doubles with every attempt (30 s, 1 min, 2 min, …, at most an
    hour); a server's Retry-After wins when it asks for longer, but never
    beyond the cap (a server asking for years is not obeyed).
    """
    delay = min(cap, base * 2 ** min(max(0, attempts - 1), 32))
    try:
        asked = float(retry_after or 0)
    except OverflowError:
        asked = math.inf
    except (TypeError, ValueError):
        asked = 0.0
    if math.isfinite(asked) and asked > delay:
        delay = min(asked, cap)
    elif not math.isfinite(asked) and asked > 0:
        delay = cap
    return float(delay)
