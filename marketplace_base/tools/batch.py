"""Create records in batch without letting one bad row spoil the others."""

import logging

_logger = logging.getLogger(__name__)


def create_isolated(model, vals_list, labels):
    """Create ``vals_list`` in one batch; if that fails, row by row.

    Each attempt runs in a savepoint, so a failing row leaves nothing behind.
    Returns ``(records, errors)`` where ``errors`` is a list of
    ``"<label>: <message>"`` for the rows that could not be created.
    """
    if not vals_list:
        return model.browse(), []
    try:
        with model.env.cr.savepoint():
            return model.create(vals_list), []
    except Exception:  # noqa: BLE001 - retried row by row to find the culprits
        _logger.info(
            "Batch create of %s %s failed; retrying row by row", len(vals_list), model._name
        )
    records, errors = model.browse(), []
    for vals, label in zip(vals_list, labels, strict=True):
        try:
            with model.env.cr.savepoint():
                records |= model.create(vals)
        except Exception as exc:  # noqa: BLE001 - reported in the job result
            errors.append(f"{label}: {exc.args[0] if exc.args else exc}")
    return records, errors
