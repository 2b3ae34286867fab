#!/usr/bin/env python3
"""Writes svtk's manual page (troff, man(7) macros) from its own help: `svtk --experimental-dump-help`.

argument-parser's generate-manual plugin builds offline but drops every character outside ASCII (`£`, `→`), which
would misstate the help; this script writes the same sections from the same source and keeps UTF-8 as it is
(man-db passes it through preconv).

Usage: scripts/make-manpage.py PATH/TO/svtk > svtk.1
"""
import json
import subprocess
import sys


def escape(text):
    """Text as troff reads it literally: backslashes doubled, a leading dot or quote guarded, on every line."""
    lines = text.replace("\\", "\\e").split("\n")
    return "\n".join(("\\&" + line) if line[:1] in (".", "'") else line for line in lines)


def option_names(argument):
    """`--data`, `-q, --quiet` or `<file>`, as the help shows them."""
    if argument["kind"] == "positional":
        return "<%s>" % argument.get("valueName", "value")
    names = []
    for name in argument.get("names", []):
        dashes = "--" if name["kind"] == "long" else "-"
        names.append(dashes + name["name"])
    text = ", ".join(names)
    if argument["kind"] == "option":
        text += " <%s>" % argument.get("valueName", "value")
        if argument.get("isRepeating"):
            text += " ..."
    return text


def options(arguments):
    """An indented paragraph per argument shown in the help: its names, then what it does and its default."""
    out = []
    for argument in arguments:
        if not argument.get("shouldDisplay", True):
            continue
        out.append(".TP")
        out.append("\\fB%s\\fR" % escape(option_names(argument)))
        words = argument.get("abstract", "")
        if argument.get("defaultValue") not in (None, ""):
            words += " (default: %s)" % argument["defaultValue"]
        out.append(escape(words))
        if argument.get("discussion"):
            out.append(escape(argument["discussion"] if isinstance(argument["discussion"], str) else ""))
    return out


def discussion(text):
    """A command's discussion: paragraphs as .PP, example lines (indented in the help) kept as they are."""
    out = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.split("\n")
        if any(line.startswith("  ") for line in lines):
            out += [".PP", ".nf"] + [escape(line) for line in lines] + [".fi"]
        else:
            out += [".PP", escape(" ".join(line.strip() for line in lines))]
    return out


def command(spec, path):
    """The section of one command and, after it, of its subcommands."""
    name = " ".join(path)
    out = [".SS %s" % escape(name), escape(spec.get("abstract", ""))]
    if spec.get("discussion"):
        out += discussion(spec["discussion"])
    arguments = [a for a in spec.get("arguments", []) if a.get("shouldDisplay", True)]
    if arguments:
        out += [".PP", "Options:", ".RS"] + options(arguments) + [".RE"]
    for sub in spec.get("subcommands", []):
        if sub["commandName"] != "help" and sub.get("shouldDisplay", True):
            out += command(sub, path + [sub["commandName"]])
    return out


def manual(help_json, version):
    root = help_json["command"]
    out = [
        '.TH SVTK 1 "" "%s" "SocialValueToolkit"' % escape(version),
        ".SH NAME",
        "svtk \\- %s" % escape(root.get("abstract", "")),
        ".SH SYNOPSIS",
        ".B svtk",
        ".I command",
        "[options]",
        ".SH DESCRIPTION",
    ]
    out += discussion(root.get("discussion", "")) if root.get("discussion") else []
    out += [".SH OPTIONS", ".RS"] + options(root.get("arguments", [])) + [".RE"]
    out.append(".SH COMMANDS")
    for sub in root.get("subcommands", []):
        if sub["commandName"] != "help" and sub.get("shouldDisplay", True):
            out += command(sub, ["svtk", sub["commandName"]])
    out += [
        ".SH ENVIRONMENT",
        ".TP",
        ".B SVTK_DATASETS",
        "The toolkit's Datasets folder, where it is not found by itself (as \\fB\\-\\-datasets\\fR gives it).",
        ".SH EXIT STATUS",
        ".TP", "0", "Success.",
        ".TP", "1", "Bad input: the message names the file, line and column, the contract field or the option.",
        ".TP", "64", "Wrong usage of the command line.",
        ".TP", "73", "An output file or folder cannot be created.",
        ".SH FILES",
        "The shipped data (catalogues, taxonomy, policy, CPV, demo borough) are found in this order: "
        + "\\fB\\-\\-datasets\\fR, \\fBSVTK_DATASETS\\fR, a \\fIDatasets\\fR folder beside the binary, "
        + "\\fI../share/svtk\\fR from it.",
    ]
    return "\n".join(out) + "\n"


def main():
    binary = sys.argv[1]
    help_json = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True,
                                          capture_output=True, text=True).stdout)
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    sys.stdout.write(manual(help_json, version))


if __name__ == "__main__":
    main()
