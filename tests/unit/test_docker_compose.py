"""docker-compose.yml installs and tests every addon of the suite."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def addons():
    names = set()
    for manifest in ROOT.glob("*/__manifest__.py"):
        if not re.search(r"[\"']installable[\"']:\s*False", manifest.read_text()):
            names.add(manifest.parent.name)
    return names


def option(command, name):
    match = re.search(rf"\s{name}[= ](/?\w+(?:,/?\w+)*)", command)
    assert match, f"{name} missing from: {command}"
    return set(match.group(1).replace("/", "").split(","))


def test_compose_installs_and_tests_every_addon():
    lines = (ROOT / "docker-compose.yml").read_text().splitlines()
    text = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    app, tests = text.split("\n  tests:\n")
    product_addons = {name for name in addons() if not name.startswith("test_")}
    assert option(app, "-i") == product_addons
    assert option(tests, "-i") == addons()
    assert option(tests, "--test-tags") == addons()
