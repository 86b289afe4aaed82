"""The packages stay in their floors: configuration on top, apps in the middle, core below.

Read from the source files themselves (every ``import`` of every module, migrations
included), so a new import that breaks the layering fails here.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CONFIGURATION = "miso_site"
PROJECT_APPS = sorted(
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).parent == ROOT and config.name != CONFIGURATION
)


def imported_packages(package):
    """The project's packages that any module of ``package`` imports, itself excluded."""
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module]
            else:
                continue
            found |= {name.split(".")[0] for name in names}
    return found & {*PROJECT_APPS, CONFIGURATION} - {package}


GRAPH = {package: imported_packages(package) for package in PROJECT_APPS}


def test_the_project_apps_are_found():
    assert {"core", "backoffice", "search", "pages", "people", "members"} <= set(PROJECT_APPS)


@pytest.mark.parametrize("package", PROJECT_APPS)
def test_no_app_imports_the_configuration(package):
    assert CONFIGURATION not in GRAPH[package]


def test_the_configuration_holds_no_app_code():
    modules = {path.name for path in (ROOT / CONFIGURATION).glob("*.py")}
    assert modules <= {
        "__init__.py",
        "settings.py",
        "urls.py",
        "wsgi.py",
        "asgi.py",
        "gunicorn.conf.py",
    }


def test_core_names_no_app():
    assert GRAPH["core"] == set()


def test_the_back_office_and_the_search_build_on_core_alone():
    # The roles name models by label; they never import an app.
    assert GRAPH["backoffice"] <= {"core"}
    assert GRAPH["search"] <= {"core"}


def test_no_import_cycle_between_apps():
    def reaches(start, goal, seen=()):
        return any(
            step == goal or (step not in seen and reaches(step, goal, (*seen, step)))
            for step in GRAPH[start]
        )

    assert [package for package in PROJECT_APPS if reaches(package, package)] == []
