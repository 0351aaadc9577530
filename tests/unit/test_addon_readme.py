"""Each addon's manual is its readme/ fragments; README.rst and index.html follow them.

A fragment edited without ``make readme`` leaves a stale README.rst or
index.html: the comparison below names the files to regenerate.
"""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location(
    "gen_addon_readme", ROOT / "scripts" / "gen_addon_readme.py"
)
gen = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(gen)

ADDONS = sorted(p.parent for p in ROOT.glob("*/__manifest__.py"))
REQUIRED_FRAGMENTS = ("DESCRIPTION", "CONTRIBUTORS", "HISTORY")


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_addon_has_fragments_and_icon(addon):
    for name in REQUIRED_FRAGMENTS:
        assert (addon / "readme" / f"{name}.md").is_file(), f"{addon.name}: readme/{name}.md"
    assert (addon / "static" / "description" / "icon.png").is_file()


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_generated_files_match_fragments(addon):
    stale = [
        str(path.relative_to(ROOT))
        for path, text in gen.outputs(addon).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"run `make readme`: {', '.join(stale)} no longer match readme/"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_screenshots_exist(addon):
    rst = (addon / "README.rst").read_text(encoding="utf-8")
    for line in rst.splitlines():
        if line.startswith(".. image:: ") and "://" not in line:
            assert (addon / line.removeprefix(".. image:: ")).resolve().is_file(), line


def test_root_readme_links_every_addon():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for addon in ADDONS:
        assert f"({addon.name}/README.rst)" in readme, addon.name


def test_markdown_subset():
    text = "\n".join(
        [
            "Intro with `code`s, **bold**, *it* and [a link](https://x.test/a).",
            "",
            "## Part",
            "",
            "1. first item",
            "   continued",
            "2. second",
            "",
            "* bullet with ``a `tick` inside``",
            "",
            "| a | b |",
            "|---|---|",
            "| `x` | y |",
            "",
            "![alt text](../../docs/x.png)",
            "",
            "```sh",
            "# not a heading",
            "make readme",
            "```",
        ]
    )
    rst = gen.md_to_rst(text, image_path=lambda src: "IMG/" + src.rsplit("/", 1)[-1])
    assert "Intro with ``code``\\ s, **bold**, *it* and `a link <https://x.test/a>`__." in rst
    assert "Part\n~~~~\n" in rst
    assert "1. first item\n   continued\n2. second" in rst
    assert "* bullet with ``a `tick` inside``" in rst
    assert (
        ".. list-table::\n   :header-rows: 1\n\n   * - a\n     - b\n   * - ``x``\n     - y" in rst
    )
    assert ".. image:: IMG/x.png\n   :alt: alt text" in rst
    assert "::\n\n   # not a heading\n   make readme" in rst
    gen.index_html("T\n=\n\n" + rst)  # docutils accepts it without a warning


def test_docutils_warning_stops_the_generator():
    with pytest.raises(Exception, match="emphasis"):
        gen.index_html("T\n=\n\nan *unclosed emphasis\n")
