# Heard in a container. Build: docker build -t heard .
# Run on PostgreSQL:  docker run -p 3000:3000 -e DATABASE_URL=… -e SESSION_SECRET=… -e PUBLIC_URL=https://… heard
# Or embedded:        docker run -p 3000:3000 -v heard-data:/data -e SESSION_SECRET=… heard
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data PORT=3000
COPY package.json package-lock.json ./
COPY db/patches ./db/patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself (not npm) is PID 1's child of tini-less exec, so SIGTERM reaches Heard's shutdown.
CMD ["node", "--import", "tsx", "server/main.ts"]
