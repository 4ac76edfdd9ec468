#!/usr/bin/env python3
"""Rebuilds the IAM catalogue subset shipped with RoleGen from the RoleGen shared data folder.

Usage: python3 mappings/catalog/extract.py ../shared/data/iam-actions
Keeps, per action: access level, resource types (with required flag) and condition keys;
per resource type: its ARN format. Output is sorted so that a re-run gives identical bytes.
"""
import json, os, sys

PREFIXES = ["s3", "dynamodb", "sqs", "sns", "kms", "kinesis", "logs", "xray", "lambda", "events", "states", "sts"]

def main(src):
    here = os.path.dirname(os.path.abspath(__file__))
    for prefix in PREFIXES:
        with open(os.path.join(src, prefix + ".json")) as f:
            data = json.load(f)
        out = {
            "prefix": data["prefix"],
            "service_name": data["service_name"],
            "source": data["source"],
            "actions": {
                name: {
                    "access_level": a["access_level"],
                    "resource_types": [
                        {"resource_type": r["resource_type"], "required": r["required"]}
                        for r in a["resource_types"]
                    ],
                    "condition_keys": sorted(a.get("condition_keys", [])),
                }
                for name, a in sorted(data["actions"].items())
            },
            "resource_types": {
                name: {"arn": r["arn"]} for name, r in sorted(data["resource_types"].items())
            },
        }
        with open(os.path.join(here, prefix + ".json"), "w") as f:
            json.dump(out, f, indent=1, sort_keys=False)
            f.write("\n")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/iam-actions")
