variable "name" {
  description = "Name prefix of the resources"
  type        = string
  default     = "containers-on-ecs-fargate"
}

variable "region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Environment the resources are tagged with"
  type        = string
  default     = "production"
}

variable "service_certificate_domain_name" {
  description = "Domain name of Service certificate"
  type        = string
  default     = "app.example.com"
}

variable "service_certificate_validation_zone_id" {
  description = "Existing Route 53 hosted zone holding app.example.com, where the stack writes the DNS validation records of Service certificate; leave empty to validate outside the stack (it waits until the certificate is issued)"
  type        = string
  default     = ""
}

variable "web_service_image" {
  description = "Container image of Web service"
  type        = string
  default     = "public.ecr.aws/docker/library/nginx:stable"
}
