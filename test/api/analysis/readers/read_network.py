"""Reads a GraphML or GEXF file with networkx, as a researcher would, and prints what it found as JSON."""
import json
import sys

import networkx as nx

path, fmt = sys.argv[1], sys.argv[2]
graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
name = "name" if fmt == "graphml" else "label"
print(
    json.dumps(
        {
            "directed": graph.is_directed(),
            "nodes": [
                {"id": node, "name": data.get(name), "statements": data.get("statements"), "statementsType": type(data.get("statements")).__name__}
                for node, data in graph.nodes(data=True)
            ],
            "edges": [
                {"source": u, "target": v, "weight": data.get("weight"), "weightType": type(data.get("weight")).__name__}
                for u, v, data in graph.edges(data=True)
            ],
        }
    )
)
