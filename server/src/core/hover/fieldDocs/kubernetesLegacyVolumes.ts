// Our own words for the old in-tree volume plugins of the pod spec. They are kept for
// existing clusters; new storage goes through CSI drivers and PersistentVolumeClaims.
// Fields every plugin shares (readOnly, fsType, secretRef) are generated per plugin.
import type { FieldDocEntry, FieldDocTable } from './fieldDoc';
import { KUBERNETES_GROUPS } from './kubernetesPod';

const V = 'PodTemplate:spec.volumes[]';

const READ_ONLY = ['awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'fc', 'flexVolume', 'gcePersistentDisk', 'glusterfs', 'iscsi', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos'];
const FS_TYPE = ['awsElasticBlockStore', 'azureDisk', 'cinder', 'fc', 'flexVolume', 'gcePersistentDisk', 'iscsi', 'photonPersistentDisk', 'portworxVolume', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume'];
const SECRET_REF = ['cephfs', 'cinder', 'flexVolume', 'iscsi', 'rbd', 'scaleIO', 'storageos'];

const generated: Record<string, FieldDocEntry> = {};
for (const p of READ_ONLY) generated[`${V}.${p}.readOnly`] = 'Mount the volume read-only.';
for (const p of FS_TYPE) generated[`${V}.${p}.fsType`] = 'The file system to mount the device as, e.g. `ext4` or `xfs`.';
for (const p of SECRET_REF) {
  generated[`${V}.${p}.secretRef`] = 'A Secret with the credentials the plugin needs.';
  generated[`${V}.${p}.secretRef.name`] = 'The Secret\'s name.';
}

export const KUBERNETES_LEGACY_VOLUMES: FieldDocTable = {
  name: 'Kubernetes in-tree volume plugins',
  groups: KUBERNETES_GROUPS,
  docs: {
    ...generated,
    [`${V}.awsElasticBlockStore.volumeID`]: 'The EBS volume ID, e.g. `vol-0abc…`.',
    [`${V}.awsElasticBlockStore.partition`]: 'The partition number to mount; the whole disk when 0 or unset.',
    [`${V}.gcePersistentDisk.pdName`]: 'The GCE disk\'s name.',
    [`${V}.gcePersistentDisk.partition`]: 'The partition number to mount; the whole disk when 0 or unset.',
    [`${V}.azureDisk.diskName`]: 'The managed or blob disk\'s name.',
    [`${V}.azureDisk.diskURI`]: 'The disk\'s URI in Azure.',
    [`${V}.azureDisk.kind`]: 'The disk kind: `Shared`, `Dedicated` or `Managed`.',
    [`${V}.azureDisk.cachingMode`]: 'Host caching: `None`, `ReadOnly` or `ReadWrite`.',
    [`${V}.azureFile.secretName`]: 'The Secret with the storage account name and key.',
    [`${V}.azureFile.shareName`]: 'The Azure file share to mount.',
    [`${V}.cephfs.path`]: 'The path inside the CephFS tree to mount; `/` by default.',
    [`${V}.cephfs.user`]: 'The Ceph user to authenticate as.',
    [`${V}.cephfs.secretFile`]: 'A keyring file on the node, when `secretRef` is not used.',
    [`${V}.cinder.volumeID`]: 'The Cinder volume\'s ID.',
    [`${V}.fc.lun`]: 'The LUN number on the target.',
    [`${V}.flexVolume.driver`]: 'The FlexVolume driver\'s name.',
    [`${V}.flexVolume.options`]: 'Driver-specific options.',
    [`${V}.flexVolume.options.*`]: 'One driver option.',
    [`${V}.flocker.datasetName`]: 'The Flocker dataset\'s name.',
    [`${V}.flocker.datasetUUID`]: 'The Flocker dataset\'s UUID.',
    [`${V}.gitRepo.repository`]: 'The URL of the repository to clone.',
    [`${V}.gitRepo.revision`]: 'The commit to check out.',
    [`${V}.gitRepo.directory`]: 'The directory to clone into, relative to the volume; `.` puts the checkout at the volume root.',
    [`${V}.glusterfs.endpoints`]: 'The Endpoints object listing the Gluster servers.',
    [`${V}.glusterfs.path`]: 'The Gluster volume\'s name.',
    [`${V}.iscsi.targetPortal`]: 'The target\'s address, `host:port` (port 3260 by default).',
    [`${V}.iscsi.iqn`]: 'The target\'s iSCSI qualified name.',
    [`${V}.iscsi.lun`]: 'The LUN number on the target.',
    [`${V}.iscsi.iscsiInterface`]: 'The iSCSI interface the node uses; `default` (TCP) when unset.',
    [`${V}.iscsi.initiatorName`]: 'A custom initiator name for this connection.',
    [`${V}.iscsi.chapAuthDiscovery`]: 'Use CHAP authentication for discovery.',
    [`${V}.iscsi.chapAuthSession`]: 'Use CHAP authentication for the session.',
    [`${V}.photonPersistentDisk.pdID`]: 'The Photon disk\'s ID.',
    [`${V}.portworxVolume.volumeID`]: 'The Portworx volume\'s ID.',
    [`${V}.quobyte.registry`]: 'The Quobyte registry address(es), `host:port`.',
    [`${V}.quobyte.volume`]: 'The Quobyte volume\'s name.',
    [`${V}.quobyte.user`]: 'The user the volume is accessed as.',
    [`${V}.quobyte.group`]: 'The group the volume is accessed as.',
    [`${V}.quobyte.tenant`]: 'The Quobyte tenant owning the volume.',
    [`${V}.rbd.image`]: 'The RBD image\'s name.',
    [`${V}.rbd.pool`]: 'The Ceph pool holding the image.',
    [`${V}.rbd.user`]: 'The Ceph user to authenticate as.',
    [`${V}.rbd.keyring`]: 'A keyring file on the node, when `secretRef` is not used.',
    [`${V}.scaleIO.gateway`]: 'The ScaleIO API gateway\'s address.',
    [`${V}.scaleIO.system`]: 'The ScaleIO system\'s name.',
    [`${V}.scaleIO.protectionDomain`]: 'The protection domain of the storage.',
    [`${V}.scaleIO.storagePool`]: 'The storage pool of the volume.',
    [`${V}.scaleIO.storageMode`]: '`ThickProvisioned` or `ThinProvisioned`.',
    [`${V}.scaleIO.volumeName`]: 'The existing ScaleIO volume to mount.',
    [`${V}.scaleIO.sslEnabled`]: 'Talk to the gateway over TLS.',
    [`${V}.storageos.volumeName`]: 'The StorageOS volume\'s name.',
    [`${V}.storageos.volumeNamespace`]: 'The StorageOS namespace of the volume; the pod\'s namespace when unset.',
    [`${V}.vsphereVolume.volumePath`]: 'The datastore path of the VMDK.',
    [`${V}.vsphereVolume.storagePolicyName`]: 'The storage policy (SPBM) name.',
    [`${V}.vsphereVolume.storagePolicyID`]: 'The storage policy (SPBM) ID.',
  },
};
