export function DemoBanner() {
  return (
    <div className="demo-banner" role="note">
      演示数据：按 2020 年湖南省公开数据校准生成，各地数字并非真实统计。
    </div>
  );
}
