"""Connections a role's policies say: a statement granting the role's owner access to a resource of the template
is a data connection (or a call), of the kind its actions say (grant_kinds.py)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.importers.grant_kinds import consumes, statement_kind
from archbuilder.importers.ownership import named_owners
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs as _refs


class GrantConnections(TemplateReader):
    # The template's buckets and SSM parameters by name, gathered once when first asked (set in _connections).
    _buckets_by_name: dict[str, str] | None
    _parameters_by_name: dict[str, str] | None

    def _connect(
        self, source: str, target: str, port: int | None = None, preferred: ConnectionKind | None = None
    ) -> None:
        raise NotImplementedError  # connections.py

    def _policy(self, logical: str, props: dict[str, Any]) -> None:
        self._policy_connections(props)

    def _policy_connections(self, props: dict[str, Any]) -> None:
        """A policy granting a role's owner access to a resource in the template is a data connection."""
        for role in _refs(props.get("Roles")):
            self._grants(role, props.get("PolicyDocument"))

    def _role_connections(self, logical: str, props: dict[str, Any]) -> None:
        """A role's inline policies grant its owner access as a separate policy does."""
        for policy in props.get("Policies") or []:
            if isinstance(policy, dict):
                self._grants(logical, policy.get("PolicyDocument"))

    def _grants(self, role: str, document: Any) -> None:
        statements = document.get("Statement") if isinstance(document, dict) else None
        owner = self.owners.get(role)
        if owner in self.nodes:
            for statement in statements if isinstance(statements, list) else []:
                if not isinstance(statement, dict):
                    continue
                kind = statement_kind(statement.get("Action"))
                if kind is None:
                    continue
                resources = statement.get("Resource")
                named = set(_refs(resources)) | self._buckets_named_in(resources)
                named |= self._parameters_named_in(resources)
                for ref in sorted(named):
                    granted = ref if ref in self.nodes else self._granted_through(ref)
                    if granted in self.nodes and self._polls(owner, granted, statement.get("Action")):
                        self._connect(self.nodes[granted], self.nodes[owner], preferred=ConnectionKind.POLL)
                    elif granted in self.nodes:
                        self._connect(self.nodes[owner], self.nodes[granted], preferred=kind)

    def _polls(self, owner: str, granted: str, actions: Any) -> bool:
        """Whether a grant to take a queue's messages off it (to receive them and delete them: consumes, in
        grant_kinds.py) says the queue is polled by the role's owner: a service that polls (a container service's
        workers with the SDK) other than a function, whose polling is its event source mapping (read as such)."""
        if self._type(granted) != "AWS::SQS::Queue" or not consumes(actions):
            return False
        polling = self.arch.nodes[self.nodes[owner]]
        return getattr(
            polling, "type", None
        ) != "lambda_function" and ConnectionKind.POLL in self.arch.accepted_kinds(
            self.nodes[granted], polling.id
        )

    def _granted_through(self, helper: str) -> str | None:
        """The service a grant on one of its helpers is a grant on: a Batch environment, for the submission of
        jobs to its queue with its job definition (exporters/cloudformation/batch_jobs.py)."""
        if self._type(helper) not in GRANTED_THROUGH:
            return None
        return next((name for name in named_owners(self, helper) if name in self.nodes), None)

    def _buckets_named_in(self, resources: Any) -> set[str]:
        """Buckets a statement names by their name rather than by reference (`arn:...:s3:::${Name}/*` where
        the bucket's BucketName is `${Name}`)."""
        if self._buckets_by_name is None:  # the template's buckets by name, gathered once
            self._buckets_by_name = {
                _text(self._props(name).get("BucketName")): name
                for name in self._of_type("AWS::S3::Bucket")
                if _text(self._props(name).get("BucketName"))
            }
        written = self._buckets_by_name
        found = set()
        for resource in resources if isinstance(resources, list) else [resources]:
            text = _text(resource)
            if ":s3:::" in text:
                bucket = text.split(":s3:::", 1)[1].split("/", 1)[0]
                if bucket in written:
                    found.add(written[bucket])
        return found

    def _parameters_named_in(self, resources: Any) -> set[str]:
        """SSM parameters a statement names by their name (`arn:...:parameter/${AWS::StackName}/x` where the
        parameter's Name is `/${AWS::StackName}/x`, exporters/cloudformation/integration.py parameter_arn): the
        grant of a read reads as a read, where the function's bare reference to the parameter read as read_write."""
        if (
            self._parameters_by_name is None
        ):  # gathered once; from Terraform, an argument keeps its name (`name`)
            props = {name: self._props(name) for name in self._of_type("AWS::SSM::Parameter")}
            named = {_text(p.get("Name") or p.get("name")): name for name, p in props.items()}
            self._parameters_by_name = {text: name for text, name in named.items() if text.startswith("/")}
        written = self._parameters_by_name
        texts = [_text(resource) for resource in (resources if isinstance(resources, list) else [resources])]
        return {
            written[name] for text in texts if (name := "/" + text.partition(":parameter/")[2]) in written
        }


def _text(value: Any) -> str:
    """The text of a literal or of a Sub without variables ("" otherwise)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and set(value) == {"Fn::Sub"} and isinstance(value["Fn::Sub"], str):
        return value["Fn::Sub"]
    return ""


# Helpers a grant names in place of the service they belong to.
GRANTED_THROUGH = {"AWS::Batch::JobQueue", "AWS::Batch::JobDefinition"}
