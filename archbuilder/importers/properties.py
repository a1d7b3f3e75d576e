"""Catalog property values read from a resource's properties."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ServiceType, check_property_value
from archbuilder.importers.listeners import listener_properties
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import parameter_text
from archbuilder.importers.scaling import scaling_properties

PROPERTY_MAP = {
    "MultiAZ": "multi_az",
    "BackupRetentionPeriod": "backup_retention_days",
    "StorageEncrypted": "encrypted",
    "Engine": "engine",
    "EngineVersion": "engine_version",
    "DBInstanceClass": "instance_class",
    "AllocatedStorage": "allocated_storage_gb",
    "PubliclyAccessible": "publicly_accessible",
    "DeletionProtection": "deletion_protection",
    "StorageType": "storage_type",
    "InstanceType": "instance_type",
    "KeyName": "key_name",
    "Timeout": "timeout_seconds",
    "MemorySize": "memory_mb",
    "Runtime": "runtime",
    "Handler": "handler",
    "VisibilityTimeout": "visibility_timeout_seconds",
    "FifoQueue": "fifo",
    "MessageRetentionPeriod": "message_retention_seconds",
    "MaximumMessageSize": "max_message_size_bytes",
    "ShardCount": "shard_count",
    "RetentionPeriodHours": "retention_hours",
    "BillingMode": "billing_mode",
    "MinSize": "min_size",
    "MaxSize": "max_size",
    "DesiredCapacity": "desired_capacity",
    "CacheNodeType": "node_type",
    "NumCacheNodes": "num_nodes",
    "BucketName": "bucket_name",
    "DomainName": "domain_name",
    "Name": "domain_name",
}


def _replica_regions(props: dict[str, Any], own: str) -> list[str]:
    """The regions other than the stack's that a global table is replicated to (its Replicas; the Terraform
    import gives a table's replica blocks that shape); the stack's own replica names `AWS::Region` or the
    design's region."""
    regions = [r.get("Region") for r in props.get("Replicas") or [] if isinstance(r, dict)]
    return sorted({r for r in regions if isinstance(r, str) and r and r != own})


class PropertyReading(TemplateReader):
    def _properties(self, logical: str, service: ServiceType) -> dict[str, Any]:
        values: dict[str, Any] = {}
        props = self._props(logical)
        for cfn_name, name in PROPERTY_MAP.items():
            spec = service.property_spec(name)
            if spec is None or cfn_name not in props:
                continue
            value = props[cfn_name]
            if spec.type.value == "integer" and isinstance(value, str) and value.isdigit():
                value = int(value)
            if isinstance(value, dict | list):
                # An intrinsic: the design keeps the catalog default, unless it only names parameters.
                value = parameter_text(value, self.template.get("Parameters"))
                if value is None:
                    continue
            if isinstance(value, str) and check_property_value(spec, value) is not None:
                # CloudFormation accepts engine names in any case (MySQL); the catalog lists them in lower case.
                lowered = value.lower()
                value = lowered if check_property_value(spec, lowered) is None else value
            if check_property_value(spec, value) is None:
                values[name] = value
            else:
                self.report.warnings.append(
                    f"{logical}.{cfn_name}: {value!r} does not fit {service.short_name} › {name}; default kept"
                )
        if service.id == "s3_bucket":
            block = props.get("PublicAccessBlockConfiguration")
            values["public_access"] = not (
                isinstance(block, dict)
                and all(
                    block.get(k) is True
                    for k in (
                        "BlockPublicAcls",
                        "BlockPublicPolicy",
                        "IgnorePublicAcls",
                        "RestrictPublicBuckets",
                    )
                )
            )
            versioning = props.get("VersioningConfiguration")
            values["versioning"] = isinstance(versioning, dict) and versioning.get("Status") == "Enabled"
            values["encrypted"] = "BucketEncryption" in props
        interfaces = props.get("NetworkInterfaces")
        if service.property_spec("associate_public_ip") is not None and isinstance(interfaces, list):
            first = interfaces[0] if interfaces and isinstance(interfaces[0], dict) else {}
            if isinstance(first.get("AssociatePublicIpAddress"), bool):
                values["associate_public_ip"] = first["AssociatePublicIpAddress"]
        if service.id == "dynamodb_table":
            replicas = _replica_regions(props, self.arch.metadata.default_region)
            if replicas:
                values["replica_regions"] = replicas
                # The stream a global table replicates through is part of it.
                stream = props.get("StreamSpecification")
                view = stream.get("StreamViewType") if isinstance(stream, dict) else None
                spec = service.property_spec("stream")
                if spec is not None and isinstance(view, str) and check_property_value(spec, view) is None:
                    values["stream"] = view
        if service.id in ("alb", "nlb") and "Scheme" in props:
            values["internet_facing"] = props["Scheme"] != "internal"
        if service.id in ("alb", "nlb", "clb"):
            values.update(listener_properties(self.resources, logical, service))
        if service.id == "autoscaling_group":
            values.update(scaling_properties(self.resources, logical))
        ingress = self._owned_ingress(logical)
        if ingress and service.property_spec("ingress") is not None:
            values["ingress"] = ingress
        return values

    def _owned_ingress(self, logical: str) -> list[dict[str, Any]]:
        """CIDR rules of the security groups this service owns become its explicit ingress rules."""
        rules = []
        for group, owner in sorted(self.owners.items()):
            if owner != logical or self._type(group) != "AWS::EC2::SecurityGroup":
                continue
            for rule in self._props(group).get("SecurityGroupIngress") or []:
                if isinstance(rule, dict) and isinstance(rule.get("CidrIp"), str):
                    rules.append(_ingress_rule(rule))
        return rules


def _ingress_rule(rule: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"protocol": str(rule.get("IpProtocol", "tcp")), "cidr": rule["CidrIp"]}
    for key, name in (("FromPort", "from_port"), ("ToPort", "to_port")):
        if isinstance(rule.get(key), int | str) and str(rule.get(key)).lstrip("-").isdigit():
            entry[name] = int(rule[key])
    if isinstance(rule.get("Description"), str):
        entry["description"] = rule["Description"]
    return entry
