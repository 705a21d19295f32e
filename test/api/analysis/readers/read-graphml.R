# Reads a GraphML file with R's igraph, as a researcher would, and prints what it found as
# tab-separated lines: "graph <directed> <vertices> <edges>", "node <id> <name> <statements>
# <class of statements>", "edge <source id> <target id> <weight> <class of weight>".
suppressPackageStartupMessages(library(igraph))
path <- commandArgs(trailingOnly = TRUE)[1]
g <- read_graph(path, format = "graphml")
cat("graph", is_directed(g), vcount(g), ecount(g), sep = "\t")
cat("\n")
for (v in seq_len(vcount(g))) {
  cat("node", V(g)$id[v], V(g)$name[v], V(g)$statements[v], class(V(g)$statements), sep = "\t")
  cat("\n")
}
ends <- ends(g, E(g), names = FALSE)
for (e in seq_len(ecount(g))) {
  cat("edge", V(g)$id[ends[e, 1]], V(g)$id[ends[e, 2]], E(g)$weight[e], class(E(g)$weight), sep = "\t")
  cat("\n")
}
