#!/usr/bin/env python3
"""Rebuilds the IAM catalogue subset shipped with RoleGen from the RoleGen shared data folder.

Usage: python3 mappings/catalog/extract.py ../shared/data/iam-actions [../shared/data/sdk-operations]
Keeps, per action: access level, resource types (with required flag) and condition keys;
per resource type: its ARN format. Output is sorted so that a re-run gives identical bytes.

With the second argument it also writes catalog/sdk-operations.json: for each SDK client RoleGen must cover,
the .NET method names (without Async) of its operations, which the mapping coverage test enumerates.
"""
import json, os, sys

PREFIXES = ["s3", "s3express", "s3-object-lambda", "dynamodb", "sqs", "sns", "kms", "kinesis", "logs", "xray", "lambda", "events", "states", "sts", "secretsmanager", "ssm", "ses"]

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

# (iam prefix, SDK service name in sdk-operations/<prefix>.json) of the clients the mapping table must cover.
# S3Control is left out on purpose: it is a different client (IAmazonS3Control), not in the first six.
SDK_CLIENTS = [
    ("s3", "S3"),
    ("dynamodb", "DynamoDB"),
    ("dynamodb", "DynamoDBStreams"),
    ("sqs", "SQS"),
    ("sns", "SNS"),
    ("kms", "KMS"),
    ("kinesis", "Kinesis"),
]

def sdk_operations(src):
    here = os.path.dirname(os.path.abspath(__file__))
    clients, sources = [], None
    for prefix, sdk in SDK_CLIENTS:
        with open(os.path.join(src, prefix + ".json")) as f:
            data = json.load(f)
        sources = sources or data["sources"]
        dotnet = data["sdk_services"][sdk]["dotnet"]
        methods = sorted({
            op["dotnet"]["method"][: -len("Async")]
            for op in data["operations"].values()
            if op["sdk_service"] == sdk and op.get("in_current_api_model", True)
        })
        clients.append({
            "iam_prefix": prefix,
            "sdk_service": sdk,
            "namespace": dotnet["namespace"],
            "interface": dotnet["interface"],
            "client": dotnet["client"],
            "method_names_verified_by_reflection": dotnet["method_names_verified_by_reflection"],
            "methods": methods,
        })
    out = {
        "description": "SDK for .NET client operations the mapping table must cover (method names without Async). "
                       "Operation lists from the AWS API models; .NET names from the RoleGen shared data "
                       "(reflection where verified, else Operation + Async).",
        "source": {
            "api_models": sources["api_models"],
            "dotnet_names": sources["dotnet_reflection"],
            "license_note": "The AWS API models are vendored in iann0036/iamlive (MIT, Copyright (c) 2021 Ian Mckay); "
                            "only operation names are kept here.",
        },
        "clients": clients,
    }
    with open(os.path.join(here, "sdk-operations.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/iam-actions")
    if len(sys.argv) > 2:
        sdk_operations(sys.argv[2])
