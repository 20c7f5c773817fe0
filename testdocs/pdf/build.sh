#!/usr/bin/env bash
# Builds the PDFs the extraction tests read, from the LaTeX sources in this folder, and copies
# them (with the derived bad inputs) into core/src/test/resources/pdf/. The built PDFs are
# committed, so the test suite needs no TeX; rerun this after changing a source.
# Needs: pdflatex (texlive-latex-base, texlive-latex-extra, texlive-pictures), pdftoppm
# (poppler-utils), qpdf.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../core/src/test/resources/pdf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here"/*.tex "$work"/
cd "$work"

# Reproducible output: fixed dates and IDs in the PDFs.
export SOURCE_DATE_EPOCH=1717200000
export FORCE_SOURCE_DATE=1

latex() {
    # Twice, so that references and page counts settle.
    pdflatex -interaction=nonstopmode -halt-on-error "$1.tex" >/dev/null
    pdflatex -interaction=nonstopmode -halt-on-error "$1.tex" >/dev/null
}

latex two-column
latex one-column
latex long-two-column

# A scan: page 1 of the one-column preprint as a 100 dpi greyscale image, in a PDF of its own.
pdftoppm -r 100 -gray -png -f 1 -l 1 -singlefile one-column.pdf scanned-page
latex scanned

# Password protected: opening needs the user password "reader".
qpdf --encrypt reader owner 256 -- two-column.pdf encrypted.pdf

mkdir -p "$out"
cp two-column.pdf one-column.pdf long-two-column.pdf scanned.pdf encrypted.pdf "$out"/
echo "Built into $out:"
ls -l "$out"/*.pdf
