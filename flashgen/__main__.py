from flashgen.cli import run

run()
