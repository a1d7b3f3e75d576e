"""The placeholder code a Lambda function is deployed with until its own code is: a handler that answers each
trigger the catalog connects to a function (API Gateway and load balancer requests, SQS, Kinesis and DynamoDB
stream batches, S3 and SNS notifications, EventBridge events, Firehose transformations) with an empty success.

CloudFormation writes inline code (`Code.ZipFile`) to a file named `index` (`index.py`, `index.js`), and only
for Python and Node.js runtimes; so a function gets the placeholder only where its handler names that file
(`index.<function>`). Any other function takes its deployment package from S3 (parameters of the template), as
its handler then names a file only the function's own package has."""

from __future__ import annotations

INLINE_MODULE = "index"

_PYTHON = '''import json


def {function}(event, context):
    """Placeholder until the function's code is deployed: answers every trigger with an empty success."""
    if isinstance(event, dict) and "deliveryStreamArn" in event:
        # A Firehose transformation: every record passes unchanged.
        return {{"records": [{{"recordId": r["recordId"], "result": "Ok", "data": r["data"]}} for r in event["records"]]}}
    if isinstance(event, dict) and isinstance(event.get("Records"), list):
        # A batch from SQS, Kinesis or DynamoDB Streams, or S3 / SNS notifications: no item failed.
        print(json.dumps({{"records": len(event["Records"])}}))
        return {{"batchItemFailures": []}}
    if isinstance(event, dict) and ("httpMethod" in event or "requestContext" in event):
        # API Gateway (REST or HTTP) or a load balancer: a proxy response.
        body = json.dumps({{"ok": True}})
        return {{"statusCode": 200, "headers": {{"Content-Type": "application/json"}}, "body": body}}
    print(json.dumps(event, default=str)[:1000])
    return {{"ok": True}}
'''

_NODE = """// Placeholder until the function's code is deployed: answers every trigger with an empty success.
exports.{function} = async (event) => {{
  if (event && event.deliveryStreamArn) {{
    // A Firehose transformation: every record passes unchanged.
    return {{records: event.records.map((r) => ({{recordId: r.recordId, result: "Ok", data: r.data}}))}};
  }}
  if (event && Array.isArray(event.Records)) {{
    // A batch from SQS, Kinesis or DynamoDB Streams, or S3 / SNS notifications: no item failed.
    console.log(JSON.stringify({{records: event.Records.length}}));
    return {{batchItemFailures: []}};
  }}
  if (event && (event.httpMethod || event.requestContext)) {{
    // API Gateway (REST or HTTP) or a load balancer: a proxy response.
    return {{statusCode: 200, headers: {{"Content-Type": "application/json"}}, body: JSON.stringify({{ok: true}})}};
  }}
  console.log(JSON.stringify(event).slice(0, 1000));
  return {{ok: true}};
}};
"""


def inline_filename(runtime: str) -> str | None:
    """The file CloudFormation writes a runtime's inline code to, or None where the runtime takes none."""
    if runtime.startswith("python"):
        return f"{INLINE_MODULE}.py"
    if runtime.startswith("nodejs"):
        return f"{INLINE_MODULE}.js"
    return None


def placeholder_code(runtime: str, handler: str) -> str | None:
    """The placeholder source for a function whose handler names the inline file, else None."""
    module, _, function = handler.rpartition(".")
    if inline_filename(runtime) is None or module != INLINE_MODULE or not function.isidentifier():
        return None
    template = _PYTHON if runtime.startswith("python") else _NODE
    return template.format(function=function)
