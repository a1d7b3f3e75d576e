"""Running a generated function's code as Lambda would: the file its handler names is imported in a fresh
interpreter (or Node.js) and the handler is called with a sample event of each trigger the template wires to it.

The triggers come from the template itself (an event source mapping, a permission for a service principal, a
delivery stream's processor, a load balancer target group); each event is the shape AWS documents for it
(abridged to the fields handlers read), and the answer must be the one the trigger expects back."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

SQS = {
    "Records": [
        {
            "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
            "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
            "body": "test",
            "attributes": {"ApproximateReceiveCount": "1"},
            "eventSource": "aws:sqs",
            "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:queue",
            "awsRegion": "us-east-1",
        }
    ]
}
KINESIS = {
    "Records": [
        {
            "kinesis": {
                "partitionKey": "1",
                "data": base64.b64encode(b"hello").decode(),
                "sequenceNumber": "49590338271490256608559692538361571095921575989136588898",
            },
            "eventSource": "aws:kinesis",
            "eventSourceARN": "arn:aws:kinesis:us-east-1:123456789012:stream/stream",
        }
    ]
}
DYNAMODB = {
    "Records": [
        {
            "eventName": "INSERT",
            "eventSource": "aws:dynamodb",
            "dynamodb": {"Keys": {"pk": {"S": "1"}}, "SequenceNumber": "111", "StreamViewType": "NEW_IMAGE"},
        }
    ]
}
S3 = {
    "Records": [
        {
            "eventSource": "aws:s3",
            "eventName": "ObjectCreated:Put",
            "s3": {"bucket": {"name": "bucket"}, "object": {"key": "key", "size": 5}},
        }
    ]
}
SNS = {
    "Records": [
        {
            "EventSource": "aws:sns",
            "Sns": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:topic", "Message": "hello"},
        }
    ]
}
API_GATEWAY = {
    "resource": "/",
    "path": "/",
    "httpMethod": "GET",
    "headers": {"Accept": "*/*"},
    "queryStringParameters": None,
    "requestContext": {"stage": "prod", "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"},
    "body": None,
    "isBase64Encoded": False,
}
LOAD_BALANCER = {
    "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:tg"}},
    "httpMethod": "GET",
    "path": "/",
    "headers": {},
    "body": "",
    "isBase64Encoded": False,
}
EVENTBRIDGE = {
    "version": "0",
    "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
    "detail-type": "EC2 Instance State-change Notification",
    "source": "aws.ec2",
    "detail": {"state": "running"},
}
FIREHOSE = {
    "invocationId": "invoked123",
    "deliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/stream",
    "region": "us-east-1",
    "records": [{"recordId": "49546986683135544286507457936321625675700192471156785154", "data": "aGVsbG8="}],
}
DIRECT: dict[str, Any] = {"input": "direct invocation"}

PROXY_ANSWER = {
    "statusCode": 200,
    "headers": {"Content-Type": "application/json"},
    "body": '{"ok": true}',
}
BATCH_ANSWER = {"batchItemFailures": []}
# Trigger -> (sample event, the answer the trigger expects; None where it reads none).
TRIGGERS: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {
    "sqs": (SQS, BATCH_ANSWER),
    "kinesis": (KINESIS, BATCH_ANSWER),
    "dynamodb": (DYNAMODB, BATCH_ANSWER),
    "s3": (S3, None),
    "sns": (SNS, None),
    "apigateway": (API_GATEWAY, PROXY_ANSWER),
    "elasticloadbalancing": (LOAD_BALANCER, PROXY_ANSWER),
    "events": (EVENTBRIDGE, None),
    "states": (DIRECT, None),
    "firehose": (
        FIREHOSE,
        {"records": [{"recordId": FIREHOSE["records"][0]["recordId"], "result": "Ok", "data": "aGVsbG8="}]},
    ),
    "direct": (DIRECT, None),
}
SOURCE_TRIGGERS = {
    "AWS::SQS::Queue": "sqs",
    "AWS::Kinesis::Stream": "kinesis",
    "AWS::DynamoDB::Table": "dynamodb",
    "AWS::DynamoDB::GlobalTable": "dynamodb",
}


def _refers_to(value: Any, logical: str) -> bool:
    text = json.dumps(value)
    return f'"{logical}"' in text or f"${{{logical}.Arn}}" in text or f"${{{logical}}}" in text


def triggers_of(template: dict[str, Any], function: str) -> list[str]:
    """The triggers the template wires to a function ("direct" when none)."""
    resources = template["Resources"]
    found: set[str] = set()
    for body in resources.values():
        props = body.get("Properties") or {}
        if body["Type"] == "AWS::Lambda::EventSourceMapping" and _refers_to(props["FunctionName"], function):
            source = props["EventSourceArn"]["Fn::GetAtt"][0]
            found.add(SOURCE_TRIGGERS[resources[source]["Type"]])
        elif body["Type"] == "AWS::Lambda::Permission" and _refers_to(props["FunctionName"], function):
            found.add(str(props["Principal"]).split(".")[0])
        elif body["Type"] == "AWS::KinesisFirehose::DeliveryStream" and _refers_to(props, function):
            found.add("firehose")
        elif body["Type"] == "AWS::StepFunctions::StateMachine" and _refers_to(props, function):
            found.add("states")
    return sorted(found) or ["direct"]


def run_handler(code_dir: Path, runtime: str, handler: str, event: dict[str, Any]) -> Any:
    """Imports the module the handler names from `code_dir` and calls its function with `event`, in a subprocess;
    returns what the function returned (JSON), or raises with the error output."""
    module, _, function = handler.rpartition(".")
    if runtime.startswith("python"):
        script = (
            "import importlib, json, sys\n"
            f"handler = getattr(importlib.import_module({module!r}), {function!r})\n"
            "print(json.dumps(handler(json.loads(sys.stdin.read()), None)))\n"
        )
        command = [sys.executable, "-c", script]
    else:
        script = (
            "let input = ''; process.stdin.on('data', (d) => (input += d)); process.stdin.on('end', async () => {"
            f" const handler = require('./{module}')[{json.dumps(function)}];"
            " console.log(JSON.stringify(await handler(JSON.parse(input), {}))); });"
        )
        command = ["node", "-e", script]
    run = subprocess.run(
        command,
        cwd=code_dir,
        input=json.dumps(event),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if run.returncode != 0:
        raise AssertionError(f"{handler} failed: {run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])
