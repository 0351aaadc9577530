"""The web client's toast: what the suite's buttons answer."""

#: The group that may see and change credentials and settings.
MANAGER_GROUP = "marketplace_base.group_marketplace_manager"


def notification(message, kind="info", title=None, sticky=False, links=None, next_action=None):
    """A ``display_notification`` client action.

    ``kind`` is the toast's colour (info, success, warning, danger);
    ``links`` are ``[{"label", "url"}]``, placed where ``message`` says
    ``%s``; ``next_action`` runs once the toast is shown (a reload).
    """
    params = {"message": message, "type": kind, "sticky": sticky}
    if title:
        params["title"] = title
    if links:
        params["links"] = links
    if next_action:
        params["next"] = next_action
    return {"type": "ir.actions.client", "tag": "display_notification", "params": params}
