"""Build hook: the wheel carries the site's own files inside the package.

`static/`, `translations/` and `content/` stay at the top of the repository, where editors
and translators find them; a built wheel gets a copy of each under `localoffer/shipped/`
(and of `gunicorn.conf.py` as `localoffer.shipped.gunicorn_conf`), so an installed portal runs
from any folder. A checkout reads them where they are (see `localoffer.config`).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED_FOLDERS = ("static", "translations", "content")


class BuildPyWithSiteFiles(build_py):
    """build_py, plus the site's folders and gunicorn settings copied into the package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout itself
        target = Path(self.build_lib) / "localoffer" / "shipped"
        for name in SHIPPED_FOLDERS:
            self.copy_tree(str(ROOT / name), str(target / name))
        self.copy_file(str(ROOT / "gunicorn.conf.py"), str(target / "gunicorn_conf.py"))


setup(cmdclass={"build_py": BuildPyWithSiteFiles})
