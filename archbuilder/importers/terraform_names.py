"""The CloudFormation names of Terraform arguments, where they differ by more than their spelling (which the
import matches anyway, importers/property_paths.py): for every type (ARGUMENTS), and for one type's own arguments
(RENAMES). A resource's arguments are read under these names by importers/terraform_arguments.py."""

from __future__ import annotations

# The comment atop main.tf where the export lists the labels resource names cannot spell (exporters/terraform/files.py).
LABELS_HEADING = "# Labels the resource names do not spell (read back by archbuilder's import):"
# Terraform argument -> CloudFormation property, for every type.
ARGUMENTS = {
    "tags": "Tags",
    "cidr_block": "CidrBlock",
    "vpc_id": "VpcId",
    "availability_zone": "AvailabilityZone",
    "map_public_ip_on_launch": "MapPublicIpOnLaunch",
    "subnet_id": "SubnetId",
    "subnet_ids": "SubnetIds",
    "subnets": "Subnets",
    "vpc_zone_identifier": "VPCZoneIdentifier",
    "security_groups": "SecurityGroups",
    "vpc_security_group_ids": "SecurityGroupIds",
    "security_group_ids": "SecurityGroupIds",
    "db_subnet_group_name": "DBSubnetGroupName",
    "subnet_group_name": "CacheSubnetGroupName",
    "route_table_id": "RouteTableId",
    "gateway_id": "GatewayId",
    "nat_gateway_id": "NatGatewayId",
    "multi_az": "MultiAZ",
    "backup_retention_period": "BackupRetentionPeriod",
    "storage_encrypted": "StorageEncrypted",
    "engine": "Engine",
    "instance_class": "DBInstanceClass",
    "allocated_storage": "AllocatedStorage",
    "publicly_accessible": "PubliclyAccessible",
    "deletion_protection": "DeletionProtection",
    "instance_type": "InstanceType",
    "timeout": "Timeout",
    "memory_size": "MemorySize",
    "runtime": "Runtime",
    "handler": "Handler",
    "visibility_timeout_seconds": "VisibilityTimeout",
    "fifo_queue": "FifoQueue",
    "min_size": "MinSize",
    "max_size": "MaxSize",
    "desired_capacity": "DesiredCapacity",
    "shard_count": "ShardCount",
    "load_balancer_arn": "LoadBalancerArn",
    "target_group_arn": "TargetGroupArn",
    "target_group_arns": "TargetGroupARNs",
    "event_source_arn": "EventSourceArn",
    "function_name": "FunctionName",
    "role": "Role",
    "security_group_id": "GroupId",
    "referenced_security_group_id": "SourceSecurityGroupId",
    "from_port": "FromPort",
    "user_data": "UserData",
    "additional_master_security_groups": "AdditionalMasterSecurityGroups",
    "additional_slave_security_groups": "AdditionalSlaveSecurityGroups",
    # What names a service's own role, instance profile, key, dead-letter queue, trail bucket and security
    # configuration, so they fold into it as from CloudFormation (importers/folding.py COMPANION_KEYS).
    "role_arn": "RoleArn",
    "iam_instance_profile": "IamInstanceProfile",
    "execution_role_arn": "ExecutionRoleArn",
    "task_role_arn": "TaskRoleArn",
    "redrive_policy": "RedrivePolicy",
    "s3_bucket_name": "S3BucketName",
    "kms_key_id": "KmsKeyId",
    "kms_key_arn": "KmsKeyArn",
    # A SageMaker endpoint names its configuration, which names its model (a production variant's).
    "endpoint_config_name": "EndpointConfigName",
    "model_name": "ModelName",
    "neptune_subnet_group_name": "DBSubnetGroupName",
    "cluster_subnet_group_name": "ClusterSubnetGroupName",
    "client_subnets": "ClientSubnets",
    "task_definition": "TaskDefinition",
    "service_role_arn": "ServiceRoleArn",
    "artifact_store": "ArtifactStore",
    "allocation_id": "AllocationId",
    "endpoint_id": "EndpointId",
    "node_role_arn": "NodeRole",
    "ssl_certificate_id": "SSLCertificateId",
    # What a permission lets call a function (an API, a bucket, a rule): read as a connection.
    "source_arn": "SourceArn",
    "service_role": "ServiceRole",
    "instance_profile": "IamInstanceProfile",
    "security_configuration": "SecurityConfiguration",
}
_MEMBER = {"cluster_identifier": "DBClusterIdentifier"}
# Terraform type -> its own argument -> CloudFormation property.
RENAMES: dict[str, dict[str, str]] = {
    # What the export's production defaults write for a VPC, a function and a load balancer (folding.py); the
    # same argument names mean other things elsewhere (a distribution's logging_config, DAX's iam_role_arn).
    "aws_flow_log": {"log_destination": "LogDestination", "iam_role_arn": "DeliverLogsPermissionArn"},
    "aws_lambda_function": {"logging_config": "LoggingConfig", "dead_letter_config": "DeadLetterConfig"},
    "aws_lb": {"access_logs": "AccessLogs"},
    # A secret's rotation (folding.py, ownership.py): the secret it belongs to and the function it calls.
    "aws_secretsmanager_secret_rotation": {
        "secret_id": "SecretId",
        "rotation_lambda_arn": "RotationLambdaARN",
    },
    # The role a DAX cluster and a backup selection work with; the plan a selection is of, the application a
    # deployment group deploys (folding.py follows them to the service they belong to).
    "aws_dax_cluster": {"iam_role_arn": "IAMRoleARN"},
    # The role an HTTP API's AWS service integration calls the service with.
    "aws_apigatewayv2_integration": {"credentials_arn": "CredentialsArn"},
    "aws_backup_selection": {"plan_id": "BackupPlanId"},
    "aws_codedeploy_deployment_group": {
        "app_name": "ApplicationName",
        "autoscaling_groups": "AutoScalingGroups",
    },
    "aws_rds_cluster_instance": _MEMBER,
    "aws_docdb_cluster_instance": _MEMBER,
    "aws_neptune_cluster_instance": _MEMBER,
    "aws_api_gateway_method": {
        "rest_api_id": "RestApiId",
        "http_method": "HttpMethod",
        "authorization": "AuthorizationType",
        "authorizer_id": "AuthorizerId",
    },
    "aws_api_gateway_authorizer": {
        "rest_api_id": "RestApiId",
        "type": "Type",
        "provider_arns": "ProviderARNs",
    },
    "aws_api_gateway_stage": {"rest_api_id": "RestApiId", "stage_name": "StageName"},
    "aws_api_gateway_deployment": {"rest_api_id": "RestApiId"},
    "aws_autoscaling_policy": {"autoscaling_group_name": "AutoScalingGroupName"},
    "aws_network_acl_rule": {
        "network_acl_id": "NetworkAclId",
        "rule_number": "RuleNumber",
        "egress": "Egress",
        "protocol": "Protocol",
        "rule_action": "RuleAction",
    },
    # The AWS end of a connection and of the routes to it: what its static routes are read from (network_readers.py).
    "aws_vpn_connection": {"transit_gateway_id": "TransitGatewayId", "vpn_gateway_id": "VpnGatewayId"},
    "aws_route": {"transit_gateway_id": "TransitGatewayId"},
    "aws_vpn_connection_route": {
        "destination_cidr_block": "DestinationCidrBlock",
        "vpn_connection_id": "VpnConnectionId",
    },
    "aws_route53_record": {
        "zone_id": "HostedZoneId",
        "set_identifier": "SetIdentifier",
        # An address record naming an Elastic IP points the name at it (connections.py).
        "records": "ResourceRecords",
    },
    # What a subscription, a web ACL's association, a volume's attachment and a Direct Connect gateway's association
    # join (connections.py, links.py read them as connections).
    "aws_sns_topic_subscription": {"topic_arn": "TopicArn", "endpoint": "Endpoint", "protocol": "Protocol"},
    "aws_wafv2_web_acl_association": {"web_acl_arn": "WebACLArn", "resource_arn": "ResourceArn"},
    "aws_volume_attachment": {"volume_id": "VolumeId", "instance_id": "InstanceId"},
    "aws_shield_protection": {"resource_arn": "ResourceArn"},
    "aws_network_acl_association": {"network_acl_id": "NetworkAclId"},
    # An accelerator sends traffic to its listener's endpoint group's endpoints.
    "aws_globalaccelerator_listener": {"accelerator_arn": "AcceleratorArn"},
    "aws_globalaccelerator_endpoint_group": {
        "listener_arn": "ListenerArn",
        "endpoint_configuration": "EndpointConfigurations",
    },
    "aws_dx_gateway_association": {
        "dx_gateway_id": "DirectConnectGatewayId",
        "associated_gateway_id": "AssociatedGatewayId",
    },
    "aws_vpc_peering_connection": {"peer_vpc_id": "PeerVpcId"},
    "aws_sqs_queue": {"kms_master_key_id": "KmsMasterKeyId"},
    "aws_vpc_endpoint": {"vpc_endpoint_type": "VpcEndpointType", "service_name": "ServiceName"},
    "aws_glue_crawler": {"database_name": "DatabaseName"},
    "aws_emr_instance_group": {"cluster_id": "JobFlowId"},
    "aws_eks_node_group": {"cluster_name": "ClusterName"},
    "aws_cloudhsm_v2_hsm": {"cluster_id": "ClusterId"},
    "aws_elastic_beanstalk_environment": {
        "application": "ApplicationName",
        "solution_stack_name": "SolutionStackName",
    },
    "aws_vpc_security_group_ingress_rule": {
        "cidr_ipv4": "CidrIp",
        "ip_protocol": "IpProtocol",
        "to_port": "ToPort",
        "description": "Description",
    },
}
