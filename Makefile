# Benchmarks (see README "Speed"): make bench [WORLD=path/to/cities500.tsv] [ARGS="--only maps"]
# The Python reference tools come from PyPI: pip install flashtext shapely geographiclib
.PHONY: bench
bench:
	swift build -c release
	.build/release/conflictmap-bench $(if $(WORLD),--world $(WORLD)) $(ARGS)
