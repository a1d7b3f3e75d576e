"""Connections that helper resources and service settings say of other resources: what a backup selection
backs up is written to its plan's vault, a workgroup reads the buckets the template's crawlers crawl, and a
Classic Load Balancer's listeners name the certificates attached to it."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.importers.connections import ConnectionInference
from archbuilder.importers.references import refs as _refs


class ResourceConnectionInference(ConnectionInference):
    def _said_connections(self) -> None:
        super()._said_connections()
        for logical in self.resources:
            reader = _READERS.get(self._type(logical))
            if reader is not None:
                reader(self, logical, self._props(logical))

    def _backup_selection(self, logical: str, props: dict[str, Any]) -> None:
        """What a backup selection names is written to its plan's vault."""
        selection = props.get("BackupSelection")
        plan = self._ref_of(props.get("BackupPlanId"))
        plan_body = self._props(plan).get("BackupPlan") if plan else None
        rules = plan_body.get("BackupPlanRule") if isinstance(plan_body, dict) else None
        vaults = {
            self._ref_of(rule.get("TargetBackupVault"))
            for rule in (rules if isinstance(rules, list) else [])
            if isinstance(rule, dict)
        }
        for vault in sorted(v for v in vaults if v in self.nodes):
            for source in _refs(selection.get("Resources") if isinstance(selection, dict) else None):
                if source in self.nodes:
                    self._connect(self.nodes[source], self.nodes[vault], preferred=ConnectionKind.WRITE)

    def _workgroup(self, logical: str, props: dict[str, Any]) -> None:
        """A workgroup queries the tables of the template's catalog: it reads the buckets its crawlers crawl (but
        those the export records the design does not draw it reading, drawn_records.py)."""
        for bucket in sorted(self._crawled_buckets()):
            if logical in self.nodes and bucket in self.nodes:
                self._connect(self.nodes[logical], self.nodes[bucket], preferred=ConnectionKind.READ)

    def _crawled_buckets(self) -> set[str]:
        """The buckets the template's crawlers crawl (`Targets` in CloudFormation, `s3_target` blocks in
        Terraform)."""
        return {
            bucket
            for crawler in self.resources
            if self._type(crawler) == "AWS::Glue::Crawler"
            for key in ("Targets", "s3_target")
            for bucket in _refs(self._props(crawler).get(key))
            if self._type(bucket) == "AWS::S3::Bucket"
        }

    def _classic_listeners(self, logical: str, props: dict[str, Any]) -> None:
        """A Classic Load Balancer's listeners name the certificates attached to it (`Listeners` in
        CloudFormation, `listener` blocks in Terraform)."""
        listeners = props.get("Listeners") or props.get("listener")
        for listener in listeners if isinstance(listeners, list) else []:
            certificate = _refs(listener.get("SSLCertificateId")) if isinstance(listener, dict) else []
            for ref in certificate:
                if ref in self.nodes and logical in self.nodes:
                    self._connect(self.nodes[ref], self.nodes[logical], preferred=ConnectionKind.ATTACH)


_READERS = {
    "AWS::Backup::BackupSelection": ResourceConnectionInference._backup_selection,
    "AWS::Athena::WorkGroup": ResourceConnectionInference._workgroup,
    "AWS::ElasticLoadBalancing::LoadBalancer": ResourceConnectionInference._classic_listeners,
}
