"""The manual page as `man` shows it: made from svtk's own help by scripts/make-manpage.py, with every command,
every option the help shows, and the help's £ and → kept (argument-parser's generate-manual drops them).

Run by `make test` after svtk is built: python3 -m unittest discover -s Tests/Python
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SVTK = os.environ.get("SVTK", str(REPOSITORY / ".build" / "debug" / "svtk"))


class ManualPageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.page = subprocess.run([str(REPOSITORY / "scripts" / "make-manpage.py"), SVTK], check=True,
                                  capture_output=True, text=True).stdout
        cls.help = json.loads(subprocess.run([SVTK, "--experimental-dump-help"], check=True, capture_output=True,
                                             text=True).stdout)["command"]

    def rendered(self):
        if not shutil.which("man"):
            self.skipTest("man is not installed")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "svtk.1"
            path.write_text(self.page, encoding="utf-8")
            run = subprocess.run(["man", "--warnings", "-l", str(path)], capture_output=True, text=True,
                                 env={**os.environ, "MANWIDTH": "200", "MAN_KEEP_FORMATTING": "0", "LANG": "C.UTF-8"})
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(run.stderr.strip(), "", "groff warned about the page")
        return re.sub(".\x08", "", run.stdout)  # without the overstrikes that make bold and underlined text

    def test_every_command_and_option_shown_in_the_help_is_in_the_page(self):
        text = self.rendered()
        for command in self.help["subcommands"]:
            if command["commandName"] == "help":
                continue
            self.assertIn("svtk " + command["commandName"], text)
            for argument in command.get("arguments", []):
                if argument.get("shouldDisplay", True) and argument["kind"] != "positional":
                    long = [n["name"] for n in argument["names"] if n["kind"] == "long"]
                    if long:
                        self.assertIn("--" + long[0], text, f"{command['commandName']}: --{long[0]}")

    def test_the_help_text_is_kept_whole(self):
        text = self.rendered()
        self.assertIn("LSOA11→LSOA21", text)
        self.assertIn("£", text)
        self.assertIn("SVTK_DATASETS", text)
        self.assertIn("svtk recommend --contract Datasets/contracts/highways_resurfacing.json", text)


if __name__ == "__main__":
    unittest.main()
