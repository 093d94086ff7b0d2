import type { AgencyNaming } from '../agencyNaming';

/** The agency's Deployment, Service and PodDisruptionBudget, as every subgraph of the base has them. */
export function kubernetesSubgraphFile(n: AgencyNaming): string {
  return `# The ${n.name} subgraph: reached only by the gateway (see network-policy.yaml); it refuses any
# call the gateway did not sign. Stateless: its replicas share the page cursor key.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${n.name}
  labels:
    app.kubernetes.io/name: ${n.name}
    app.kubernetes.io/component: subgraph
    app.kubernetes.io/part-of: govgraph
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${n.name}
      app.kubernetes.io/part-of: govgraph
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      # Prometheus scrapes GET /metrics on the metrics port, never the public one.
      annotations:
        prometheus.io/scrape: 'true'
        prometheus.io/port: '${n.metricsPort}'
        prometheus.io/path: /metrics
      labels:
        app.kubernetes.io/name: ${n.name}
        app.kubernetes.io/component: subgraph
        app.kubernetes.io/part-of: govgraph
    spec:
      automountServiceAccountToken: false
      # Service links would set GATEWAY_PORT=tcp://… and the like in every pod.
      enableServiceLinks: false
      # Drains requests for up to 10 s after SIGTERM, then signs its access log's last head.
      terminationGracePeriodSeconds: 30
      # Replicas on different nodes where the cluster allows it.
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${n.name}
              app.kubernetes.io/part-of: govgraph
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
        seccompProfile:
          type: RuntimeDefault
      initContainers:
        # Starts the subgraph only once the migration job has brought its schema and the
        # governance store to the migrations this image ships.
        - name: await-migrations
          image: govgraph
          command: ['node', 'dist/scripts/awaitMigrations.js', '${n.name}']
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: govgraph-database-${n.name}
                  key: url
          resources:
            requests:
              cpu: 50m
              memory: 96Mi
            limits:
              memory: 256Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ['ALL']
      containers:
        - name: ${n.name}
          image: govgraph
          command: ['node', 'dist/subgraphs/${n.name}/main.js']
          ports:
            - name: http
              containerPort: ${n.port}
            - name: metrics
              containerPort: ${n.metricsPort}
          envFrom:
            # LOG_LEVEL, DB_POOL_SIZE, ACCESS_LOG_WITNESS_INTERVAL_MS, POLICY_MAX_STALENESS_MS.
            - configMapRef:
                name: govgraph-subgraph
          env:
            - name: HOST
              value: 0.0.0.0
            - name: PORT
              value: '${n.port}'
            - name: METRICS_HOST
              value: 0.0.0.0
            - name: METRICS_PORT
              value: '${n.metricsPort}'
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: govgraph-database-${n.name}
                  key: url
            - name: GATEWAY_TOKEN_KEY_FILE
              value: /etc/govgraph/gateway-token-key/key.jwk.json
            - name: ACCESS_LOG_SIGNING_KEY_FILE
              value: /etc/govgraph/access-log-key/private.jwk.json
            # Cursors sealed by one replica must open on another.
            - name: PAGE_CURSOR_KEY
              valueFrom:
                secretKeyRef:
                  name: govgraph-page-cursor-key
                  key: key
          startupProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 2
            failureThreshold: 30
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          # Ready while its database and its policy store answer.
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 2
          lifecycle:
            preStop:
              exec:
                command: ['node', '-e', 'setTimeout(() => {}, 5000)']
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 768Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ['ALL']
          volumeMounts:
            - name: gateway-token-key
              mountPath: /etc/govgraph/gateway-token-key
              readOnly: true
            - name: access-log-key
              mountPath: /etc/govgraph/access-log-key
              readOnly: true
            - name: tmp
              mountPath: /tmp
      volumes:
        # The agency's own key for the gateway's tokens: only this Deployment mounts it.
        - name: gateway-token-key
          secret:
            secretName: govgraph-gateway-token-${n.name}
            defaultMode: 0440
        # The agency's own key: only this Deployment mounts it.
        - name: access-log-key
          secret:
            secretName: govgraph-access-log-${n.name}
            defaultMode: 0440
        - name: tmp
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: ${n.name}
  labels:
    app.kubernetes.io/name: ${n.name}
    app.kubernetes.io/component: subgraph
    app.kubernetes.io/part-of: govgraph
spec:
  selector:
    app.kubernetes.io/name: ${n.name}
    app.kubernetes.io/part-of: govgraph
  ports:
    - name: http
      port: ${n.port}
      targetPort: http
---
# Node drains evict one replica at a time (and still drain a single-replica demo).
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${n.name}
  labels:
    app.kubernetes.io/name: ${n.name}
    app.kubernetes.io/component: subgraph
    app.kubernetes.io/part-of: govgraph
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${n.name}
      app.kubernetes.io/part-of: govgraph
`;
}
