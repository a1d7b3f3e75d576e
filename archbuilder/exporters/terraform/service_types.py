"""CloudFormation type -> (Terraform type, attribute a bare Ref means, GetAtt attribute map) for the networking
links, data services, pipelines and platform services beyond the core ones in convert.py; merged into its table."""

from __future__ import annotations

SERVICE_TYPES: dict[str, tuple[str, str, dict[str, str]]] = {
    # Links between networks (connectivity.py, network_acls.py)
    "AWS::EC2::TransitGateway": ("aws_ec2_transit_gateway", "id", {"TransitGatewayArn": "arn"}),
    "AWS::EC2::TransitGatewayVpcAttachment": ("aws_ec2_transit_gateway_vpc_attachment", "id", {}),
    "AWS::RAM::ResourceShare": ("aws_ram_resource_share", "arn", {}),
    "AWS::EC2::VPNGateway": ("aws_vpn_gateway", "id", {}),
    "AWS::EC2::VPNGatewayRoutePropagation": ("aws_vpn_gateway_route_propagation", "id", {}),
    "AWS::EC2::CustomerGateway": ("aws_customer_gateway", "id", {}),
    "AWS::EC2::VPNConnection": ("aws_vpn_connection", "id", {}),
    "AWS::EC2::VPNConnectionRoute": ("aws_vpn_connection_route", "id", {}),
    "AWS::EC2::VPCPeeringConnection": ("aws_vpc_peering_connection", "id", {}),
    "AWS::EC2::NetworkAcl": ("aws_network_acl", "id", {}),
    "AWS::EC2::NetworkAclEntry": ("aws_network_acl_rule", "id", {}),
    "AWS::EC2::SubnetNetworkAclAssociation": ("aws_network_acl_association", "id", {}),
    # A Direct Connect gateway's Ref is its ARN; what names it elsewhere is its id.
    "AWS::DirectConnect::DirectConnectGateway": ("aws_dx_gateway", "id", {"DirectConnectGatewayId": "id"}),
    "AWS::DirectConnect::DirectConnectGatewayAssociation": ("aws_dx_gateway_association", "id", {}),
    "AWS::DirectConnect::Connection": ("aws_dx_connection", "arn", {"ConnectionId": "id"}),
    # Document and graph databases (document_graph.py)
    "AWS::DocDB::DBSubnetGroup": ("aws_docdb_subnet_group", "name", {}),
    "AWS::DocDB::DBClusterParameterGroup": ("aws_docdb_cluster_parameter_group", "name", {}),
    "AWS::DocDB::DBCluster": (
        "aws_docdb_cluster",
        "id",
        {"Endpoint": "endpoint", "ReadEndpoint": "reader_endpoint", "Port": "port"},
    ),
    "AWS::DocDB::DBInstance": ("aws_docdb_cluster_instance", "id", {}),
    "AWS::Neptune::DBSubnetGroup": ("aws_neptune_subnet_group", "name", {}),
    "AWS::Neptune::DBCluster": (
        "aws_neptune_cluster",
        "id",
        {"Endpoint": "endpoint", "ReadEndpoint": "reader_endpoint", "Port": "port"},
    ),
    "AWS::Neptune::DBInstance": ("aws_neptune_cluster_instance", "id", {}),
    # Machine learning and batch compute (ml_batch.py)
    "AWS::SageMaker::Model": ("aws_sagemaker_model", "arn", {"ModelName": "name"}),
    "AWS::SageMaker::EndpointConfig": (
        "aws_sagemaker_endpoint_configuration",
        "arn",
        {"EndpointConfigName": "name"},
    ),
    "AWS::SageMaker::Endpoint": ("aws_sagemaker_endpoint", "arn", {"EndpointName": "name"}),
    "AWS::SageMaker::NotebookInstance": ("aws_sagemaker_notebook_instance", "arn", {}),
    "AWS::ApplicationAutoScaling::ScalableTarget": ("aws_appautoscaling_target", "id", {}),
    "AWS::ApplicationAutoScaling::ScalingPolicy": ("aws_appautoscaling_policy", "arn", {}),
    "AWS::Batch::ComputeEnvironment": ("aws_batch_compute_environment", "arn", {}),
    "AWS::Batch::JobQueue": ("aws_batch_job_queue", "arn", {}),
    "AWS::Batch::JobDefinition": ("aws_batch_job_definition", "arn", {}),
    # Big data processing (big_data.py)
    "AWS::EMR::Cluster": ("aws_emr_cluster", "id", {"MasterPublicDNS": "master_public_dns"}),
    "AWS::EMR::InstanceGroupConfig": ("aws_emr_instance_group", "id", {}),
    "AWS::EMR::SecurityConfiguration": ("aws_emr_security_configuration", "name", {}),
    "AWS::DataPipeline::Pipeline": ("aws_datapipeline_pipeline", "id", {}),
    # Delivery (devtools.py)
    "AWS::CodeCommit::Repository": (
        "aws_codecommit_repository",
        "repository_id",
        {"Arn": "arn", "Name": "repository_name", "CloneUrlHttp": "clone_url_http"},
    ),
    "AWS::CodeDeploy::Application": ("aws_codedeploy_app", "name", {}),
    "AWS::CodeDeploy::DeploymentGroup": ("aws_codedeploy_deployment_group", "deployment_group_name", {}),
    "AWS::CodePipeline::Pipeline": ("aws_codepipeline", "name", {}),
    "AWS::CloudFormation::Stack": ("aws_cloudformation_stack", "id", {}),
    # Account security services (security_services.py)
    "AWS::GuardDuty::Detector": ("aws_guardduty_detector", "id", {}),
    "AWS::Shield::Protection": ("aws_shield_protection", "id", {"ProtectionArn": "arn"}),
    "AWS::Config::ConfigurationRecorder": ("aws_config_configuration_recorder", "name", {}),
    "AWS::Config::DeliveryChannel": ("aws_config_delivery_channel", "name", {}),
    "AWS::CloudHSM::Cluster": (
        "aws_cloudhsm_v2_cluster",
        "cluster_id",
        {"SecurityGroup": "security_group_id"},
    ),
    # Telemetry and edge (telemetry.py)
    "AWS::XRay::Group": ("aws_xray_group", "arn", {"GroupARN": "arn"}),
    "AWS::IoT::TopicRule": ("aws_iot_topic_rule", "name", {"Arn": "arn"}),
    "AWS::GlobalAccelerator::Accelerator": (
        "aws_globalaccelerator_accelerator",
        "id",
        {"AcceleratorArn": "id", "DnsName": "dns_name"},
    ),
    "AWS::GlobalAccelerator::Listener": ("aws_globalaccelerator_listener", "id", {}),
    "AWS::GlobalAccelerator::EndpointGroup": ("aws_globalaccelerator_endpoint_group", "id", {}),
    # Application platforms and file storage (app_platforms.py, file_storage.py)
    "AWS::EFS::AccessPoint": ("aws_efs_access_point", "id", {}),
    "AWS::EKS::Nodegroup": ("aws_eks_node_group", "id", {"Arn": "arn"}),
    "AWS::ElasticBeanstalk::Application": ("aws_elastic_beanstalk_application", "name", {}),
    "AWS::ElasticBeanstalk::Environment": (
        "aws_elastic_beanstalk_environment",
        "name",
        {"EndpointURL": "endpoint_url"},
    ),
    "AWS::FSx::FileSystem": ("aws_fsx_windows_file_system", "id", {"DNSName": "dns_name"}),
}

# The provider has a resource type per FSx file system kind.
FSX_TYPES = {
    "WINDOWS": "aws_fsx_windows_file_system",
    "LUSTRE": "aws_fsx_lustre_file_system",
    "ONTAP": "aws_fsx_ontap_file_system",
    "OPENZFS": "aws_fsx_openzfs_file_system",
}
