"""The architecture, checked: no module imports a layer above its own, and no import cycles.

The layer order is written here and nowhere else (``docs/development.md``
explains it). Each module of ``flashgen`` belongs to exactly one layer, named by
its subpackage or, for top-level modules, by its own name. Imports inside
functions count too. There is no allow-list.
"""

from __future__ import annotations

import ast
from pathlib import Path

import flashgen

PACKAGE = Path(flashgen.__file__).parent

# Lowest first. A module may import its own layer and the layers below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    # core records and services: no flashgen imports beyond this layer
    (
        "flashgen",
        "flashgen.errors",
        "flashgen.config",
        "flashgen.models",
        "flashgen.resources",
        "flashgen.datacache",
        "flashgen.atomic",
        "flashgen.gcpolicy",
        "flashgen.filenames",
        "flashgen.plural",
        "flashgen.parallel",
        "flashgen.data",  # shipped files (samples, card templates) as packages
    ),
    ("flashgen.lexicon",),  # reference data: CC-CEDICT, HSK, frequencies, Han ranges, OpenCC
    ("flashgen.text",),  # paths -> documents
    ("flashgen.pinyin",),  # readings in context, spelling, HTML
    ("flashgen.learner",),  # the learner's known words and glossary
    ("flashgen.identity",),  # note keys, GUIDs, deck names and IDs
    ("flashgen.words",),  # segmentation, terms, word units, levels, selection
    ("flashgen.cards",),  # annotation, definitions, note type, package/TSV/HTML writers
    ("flashgen.pipeline", "flashgen.stats", "flashgen.cli", "flashgen.__main__"),  # the app
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """The layer index of a module: the longest layer entry that is it or contains it."""
    best, best_len = -1, -1
    for i, members in enumerate(LAYERS):
        for m in members:
            if (module == m or module.startswith(m + ".")) and len(m) > best_len:
                if m == "flashgen" and module != "flashgen":
                    continue  # the package itself, not everything in it
                best, best_len = i, len(m)
    assert best >= 0, f"{module} is in no layer: add it to LAYERS"
    return best


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:`` (type-only imports never run)."""
    nodes: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return nodes


def imports(path: Path) -> set[str]:
    """The flashgen modules a file imports (``from flashgen import x`` counts as flashgen.x)."""
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "flashgen")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "flashgen":
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / Path(*sub.split("."))).with_suffix(".py").is_file()
                is_package = (PACKAGE.parent / Path(*sub.split("."))).is_dir()
                found.add(sub if is_module or is_package else node.module)
    return found


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer() -> None:
    for module in graph():
        layer_of(module)


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = [
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in graph().items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_the_layer_check_sees_an_upward_import() -> None:
    """The check itself can fail: a text module importing the pipeline is caught."""
    assert layer_of("flashgen.pipeline") > layer_of("flashgen.text.documents")
    assert layer_of("flashgen.lexicon.han") < layer_of("flashgen.text.markup")
    assert "flashgen.lexicon.han" in imports(PACKAGE / "text" / "markup.py")


def test_no_import_cycles() -> None:
    edges = {m: {t for t in ts if t != m} for m, ts in graph().items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if nxt not in edges:
                continue
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    # A package's __init__ importing its own submodule is not a cycle of layers.
    real = [c for c in cycles if not all(c[0].startswith(x) or x.startswith(c[0]) for x in c)]
    assert real == []


def test_the_layout_in_docs_lists_every_module() -> None:
    """docs/development.md shows the tree one line per module: a new module gets its line."""
    package = Path(flashgen.__file__).parent
    layout = (package.parent / "docs" / "development.md").read_text(encoding="utf-8")
    modules = [
        p.relative_to(package)
        for p in package.rglob("*.py")
        if p.name != "__init__.py" and "formats" not in p.parts and "data" not in p.parts
    ]
    missing = [str(m) for m in modules if f" {m.name} " not in layout]
    assert modules and not missing, missing
