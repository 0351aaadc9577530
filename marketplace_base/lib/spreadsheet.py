"""Text that a spreadsheet shows as text, never runs as a formula.

Names, codes and messages in the suite come from other systems and from
files; exported as they are, a cell beginning with ``=``, ``+``, ``-`` or
``@`` would run as a formula in the spreadsheet that opens the export.
"""

import re

_FORMULA = re.compile(r"^[=+\-@\t\r]")


def neutralize_cell(value):
    """Text a spreadsheet shows as it is: a leading quote before formula characters."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value
